// Starts the WebAssembly app. A file of its own (not an inline script) so that the
// Content-Security-Policy can forbid inline scripts.
import init from "../conflict-mapper.js";

init({ module_or_path: new URL("../conflict-mapper_bg.wasm", import.meta.url) });

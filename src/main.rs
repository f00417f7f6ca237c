//! The web app's entry point; Trunk builds it for `wasm32` (see `index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    conflict_mapper::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "conflict-mapper is a web app: serve it with `scripts/serve` (it builds for wasm32 with Trunk)."
    );
    std::process::exit(2);
}

// What every browser test file shares: headless Chromium (Debian's `chromium`) started once per
// file, and fresh pages that record console errors and every request to a host other than
// loopback. Not a test file itself (node --test runs `*.test.mjs`).

import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:8089/";
export const TILE_HOST = "tile.openstreetmap.org";
// A 1×1 transparent PNG, to answer tile requests without the network.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  await browser?.close();
});

/** A fresh page (fresh storage and cache) that records console errors and every request to a
 * non-loopback host. */
export async function openPage(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const record = { errors: [], foreign: [], tiles: [] };
  page.on("console", (m) => m.type() === "error" && record.errors.push(m.text()));
  page.on("pageerror", (e) => record.errors.push(String(e)));
  context.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:") return;
    if (url.hostname !== TILE_HOST && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
      record.foreign.push(r.url());
    }
  });
  // Tile requests that the page's policy lets through never reach the network: they are
  // answered and counted here. (A request the policy blocks never gets this far.)
  await context.route(`https://${TILE_HOST}/**`, (route) => {
    record.tiles.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "image/png", body: PNG });
  });
  return { context, page, record };
}

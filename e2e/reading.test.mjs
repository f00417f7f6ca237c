// End-to-end tests of the reading experience: text, map and list linked both ways, the list
// grouped by country and region, markers spread apart, marking a missed place, share links,
// and the speed budgets (printed, not asserted). `scripts/test` sets APP_URL.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { APP_URL, openPage as open } from "./browser.mjs";

const SHOTS = process.env.SHOTS ?? "docs";

/** A fresh wide page; `errors` are its console errors and requests to other hosts. */
async function openPage(options = { viewport: { width: 1280, height: 800 } }) {
  const { context, page, record } = await open(options);
  return { context, page, errors: record.errors, foreign: record.foreign };
}

async function ready(page, url = APP_URL) {
  await page.goto(url);
  await page.locator(".gazetteer-status.ready").waitFor({ timeout: 60_000 });
}

/** Pastes `text` into the article box as a paste does: one input event, "insertFromPaste". */
async function paste(page, text) {
  await page.$eval(
    "#article",
    (el, text) => {
      el.value = text;
      el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    text,
  );
}

const example = (name) => readFile(new URL(`../public/examples/${name}`, import.meta.url), "utf8");

test("text, map and list point at the same place, and choosing one flashes its mentions", async () => {
  const { context, page, errors, foreign } = await openPage();
  await ready(page);
  await paste(page, await example("frontline.txt"));
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length >= 10);

  // Pointing at a list entry draws its pin as pointed at.
  const item = page.getByRole("listitem", { name: "Pokrovsk", exact: true });
  await item.locator("button.place-open").hover();
  await page.locator("path.place-marker.linked").waitFor();
  assert.equal(await page.locator("path.place-marker.linked").count(), 1);

  // Pointing at a pin draws its list entry (and, in the highlights, its mentions) as pointed at.
  await page.locator("#read-view").click();
  const sumy = page.getByRole("listitem", { name: "Sumy", exact: true });
  const key = await sumy.getAttribute("data-key");
  // (An event on the pin itself: a mouse at its spot might meet a neighbour drawn on top.)
  await page.locator(`path.place-marker[data-key="${key}"]`).dispatchEvent("mouseover");
  await page.waitForFunction(() => document.querySelector('li.place-item.linked[aria-label="Sumy"]'));
  assert.ok((await page.locator("#highlights mark.linked").count()) >= 1);
  assert.match(await page.locator("#highlights mark.linked").first().textContent(), /Sumy/);

  // Choosing a pin shows the highlights with the place's mentions flashing, and its popup.
  await page.locator("#map").hover({ position: { x: 5, y: 5 } });
  await page.getByRole("button", { name: "Edit" }).click();
  await page.locator("path.place-marker").first().click({ force: true });
  await page.locator(".leaflet-popup-content .place-popup").waitFor();
  await page.locator("#highlights mark.flash").first().waitFor();
  assert.ok(await page.locator("#highlights").isVisible());
  const flashed = await page.locator("#highlights mark.flash").allTextContents();
  const title = await page.locator(".leaflet-popup-content h3").textContent();
  assert.ok(flashed.length >= 1, "mentions flash");
  // The popup says why the place is where it is, as `geoparse --explain` does.
  const why = await page.locator(".leaflet-popup-content .place-popup .why").textContent();
  assert.match(why, /^why here: \S/, `${title}: ${why}`);
  await page.screenshot({ path: `${SHOTS}/linked.png` });

  // Choosing in the list does the same, and a mention chosen by keyboard opens its place.
  await item.locator("button.place-open").click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#highlights mark.flash")].some((m) => m.textContent.includes("Pokrovsk")),
  );
  await page.locator("#highlights mark", { hasText: "Sumy" }).first().focus();
  await page.keyboard.press("Enter");
  await page.locator(".leaflet-popup-content h3", { hasText: "Sumy" }).waitFor();
  assert.notEqual(title, null);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("the list groups places by country, then region", async () => {
  const { context, page, errors, foreign } = await openPage();
  await ready(page);
  await paste(page, await example("frontline.txt"));
  await page.waitForFunction(() => document.querySelectorAll(".place-group").length >= 2);
  const groups = await page.locator(".place-group > .group-name").allTextContents();
  for (const country of ["Ukraine", "Russia", "Iran", "Israel"]) {
    assert.ok(groups.includes(country), groups.join(", "));
  }
  assert.equal(new Set(groups).size, groups.length, "one group per country");
  const ukraine = page.getByRole("listitem", { name: "Ukraine", exact: true }).first();
  const donetsk = ukraine.locator(".place-region", { hasText: "Donetsk" }).first();
  const inDonetsk = await donetsk.locator(".place-name").allTextContents();
  assert.ok(inDonetsk.includes("Pokrovsk"), inDonetsk.join(", "));
  assert.ok(!inDonetsk.includes("Sumy"), inDonetsk.join(", "));
  // Every place is listed once, under a group.
  const listed = await page.locator(".place-group .place-item").count();
  assert.equal(listed, await page.locator(".place-list .place-item").count());
  assert.equal(listed, await page.locator("path.place-marker, path.place-area").count());
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("markers at one spot are spread so none hides another", async () => {
  const { context, page, errors, foreign } = await openPage();
  await ready(page);
  await paste(page, await example("frontline.txt"));
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length >= 10);
  // Zoomed out to the whole world, the Ukrainian towns would sit on one another.
  await page.getByRole("button", { name: "Whole world" }).click();
  await page.waitForTimeout(800);
  assert.ok((await page.locator("path.spread-leg").count()) >= 2, "legs from spread markers to their spots");
  const discs = await page.$$eval("path.place-marker", (paths) =>
    paths.map((p) => {
      const b = p.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, r: b.width / 2 };
    }),
  );
  for (let i = 0; i < discs.length; i++) {
    for (let j = i + 1; j < discs.length; j++) {
      const [a, b] = [discs[i], discs[j]];
      const apart = Math.hypot(a.x - b.x, a.y - b.y);
      // Radii include the white stroke; allow a pixel of rounding.
      assert.ok(apart + 1 >= a.r + b.r - 3, `markers ${i} and ${j} overlap: ${JSON.stringify([a, b])}`);
    }
  }
  await page.screenshot({ path: `${SHOTS}/spread.png` });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("a missed name can be marked and its place chosen by search", async () => {
  const { context, page, errors, foreign } = await openPage();
  await ready(page);
  const text = "Shelling hit Huliaipolie overnight. Odesa was calm. Residents of Huliaipolie left.";
  await paste(page, text);
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length === 1);
  // Select the name in the text box, then mark it.
  await page.$eval("#article", (el) => {
    el.focus();
    el.setSelectionRange(13, 24);
  });
  await page.locator("#mark-missed").click();
  const panel = page.getByRole("dialog", { name: "Mark a missed place" });
  assert.equal(await panel.locator("#mark-name").inputValue(), "Huliaipolie");
  await panel.locator("#mark-search").fill("Hulyay");
  const choice = panel.locator(".mark-results button", { hasText: "Zapori" }).first();
  await choice.waitFor();
  assert.match(await choice.textContent(), /Hulyaypole, Zaporizka oblast, Ukraine · settlement/);
  await page.screenshot({ path: `${SHOTS}/mark-missed.png` });
  // A name the article does not hold is refused, with a message; the panel stays.
  await panel.locator("#mark-name").fill("Atlantis");
  await choice.click();
  await panel.getByRole("alert").waitFor();
  assert.match(await panel.getByRole("alert").textContent(), /does not appear in the article/);
  await panel.locator("#mark-name").fill("Huliaipolie");
  await choice.click();
  await panel.waitFor({ state: "detached" });
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length === 2);
  const entry = page.getByRole("listitem", { name: "Hulyaypole" });
  assert.match(await entry.locator(".place-count").textContent(), /2 mentions/);
  // The mark is a correction: it survives a reload.
  await page.reload();
  await page.locator(".gazetteer-status.ready").waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length === 2);
  assert.equal(await page.getByRole("listitem", { name: "Hulyaypole" }).count(), 1);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("a share link carries the article and its corrections, and warns when it is long", async () => {
  const { context, page, errors, foreign } = await openPage();
  await ready(page);
  await paste(page, "Shelling hit Kharkiv and Kherson. Drones also hit Odesa.");
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length === 3);
  await page.getByRole("listitem", { name: "Odesa" }).getByRole("button", { name: "Remove the pin for Odesa" }).click();
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length === 2);
  await page.locator("#share").click();
  const link = await page.locator("#share-link").inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#a1=[A-Za-z0-9_-]+$/);
  assert.equal(await page.locator(".share-panel .warning").count(), 0);

  // A colleague opens it in a browser with their own text: they see the shared article with
  // its corrections, and their own text can be restored.
  const other = await openPage();
  await ready(other.page);
  await other.page.locator("#article").fill("My own draft about Mariupol.");
  await other.page.locator(".article-status", { hasText: "5 words" }).waitFor();
  // (A link opened from elsewhere loads the page afresh.)
  await other.page.goto("about:blank");
  await ready(other.page, link);
  assert.equal(await other.page.locator("#article").inputValue(), "Shelling hit Kharkiv and Kherson. Drones also hit Odesa.");
  await other.page.waitForFunction(() => document.querySelectorAll("path.place-marker").length === 2);
  assert.equal(new URL(other.page.url()).hash, "", "the fragment is cleared once read");
  await other.page.getByRole("button", { name: "Restore your own text" }).click();
  assert.equal(await other.page.locator("#article").inputValue(), "My own draft about Mariupol.");
  // A damaged link says so and leaves the text alone.
  await other.page.goto("about:blank");
  await ready(other.page, link.slice(0, link.length - 12));
  await other.page.getByRole("alert").filter({ hasText: "damaged" }).waitFor();
  assert.equal(await other.page.locator("#article").inputValue(), "My own draft about Mariupol.");
  assert.deepEqual(other.errors, []);
  assert.deepEqual(other.foreign, []);
  await other.context.close();

  // A long article makes a link too long to share safely: the page says so.
  let seed = 7;
  const word = () => {
    let w = "";
    for (let i = 0; i < 6; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      w += String.fromCharCode(97 + (seed % 26));
    }
    return w;
  };
  await paste(page, Array.from({ length: 3000 }, word).join(" "));
  await page.locator(".article-status", { hasText: "3000 words" }).waitFor();
  await page.locator("#share").click();
  await page.locator(".share-panel .warning").waitFor();
  assert.match(await page.locator(".share-panel .warning").textContent(), /characters long/);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test("budgets: navigation to a usable page, paste to pins for 1,000 words, tasks while typing", async () => {
  // Navigation with a cold cache: a fresh context has an empty cache.
  const { context, page, errors, foreign } = await openPage();
  await ready(page);
  await page.waitForFunction(() => performance.getEntriesByName("conflict-mapper:basemap").length > 0);
  const [usable, complete] = await page.evaluate(() => [
    Math.max(
      performance.getEntriesByName("conflict-mapper:usable")[0].startTime,
      performance.getEntriesByName("conflict-mapper:basemap")[0].startTime,
    ),
    performance.now(),
  ]);
  // A 1,000-word article from the examples.
  const words = [
    await example("frontline.txt"),
    await example("middle-east.txt"),
    await example("ambiguous-names.txt"),
  ]
    .join("\n\n")
    .repeat(2)
    .split(/(\s+)/);
  let article = "";
  for (let i = 0, n = 0; i < words.length && n < 1000; i++) {
    article += words[i];
    if (words[i].trim()) n++;
  }
  // Paste to pins: from the paste event to the last pin drawn (timed in the page).
  await paste(page, article);
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length >= 20);
  const pins = await page.locator("path.place-marker, path.place-area").count();
  await paste(page, "");
  await page.waitForFunction(() => document.querySelectorAll("path.place-marker").length === 0);
  const timings = [];
  for (let run = 0; run < 5; run++) {
    timings.push(
      await page.evaluate(
        ({ text, pins }) =>
          new Promise((resolve) => {
            const el = document.querySelector("#article");
            const started = performance.now();
            el.value = text;
            el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
            const check = () => {
              if (document.querySelectorAll("path.place-marker, path.place-area").length >= pins) {
                requestAnimationFrame(() => resolve(performance.now() - started));
              } else {
                setTimeout(check, 0);
              }
            };
            check();
          }),
        { text: article + " ".repeat(run + 1), pins },
      ),
    );
  }
  timings.sort((a, b) => a - b);
  // Long tasks (over 50 ms) on the main thread while typing into the article.
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask" });
  });
  await page.locator("#article").focus();
  await page.keyboard.press("End");
  await page.keyboard.type(" Fighting went on near Bakhmut and Toretsk, officials in Kyiv said.", { delay: 40 });
  await page.waitForTimeout(600);
  const longest = await page.evaluate(() => window.__longest);
  console.log(
    `# budgets: page usable (basemap drawn, first gazetteer part open) ${usable.toFixed(0)} ms after navigation, ` +
      `every part open by ${complete.toFixed(0)} ms (cold cache, loopback); ` +
      `1,000-word paste to ${pins} pins: median ${timings[2].toFixed(1)} ms, slowest ${timings[4].toFixed(1)} ms; ` +
      `longest main-thread task while typing: ${longest ? `${longest.toFixed(0)} ms` : "none over 50 ms"}`,
  );
  await page.screenshot({ path: `${SHOTS}/many-places.png` });
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

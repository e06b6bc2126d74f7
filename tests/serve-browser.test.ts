import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startServe } from "../src/serve/index.js";
import { CHROMIUM, CHROMIUM_ARGS, skipWithoutChromium } from "./chromium.js";
import { removeDir } from "./helpers.js";
import { NOW, makeServeSite } from "./serve-helpers.js";

const skip = skipWithoutChromium("the live-reload browser test");

/** Where the overlay screenshot is written, to look at after a run. */
const SCREENSHOT = path.join(os.tmpdir(), "kiji-error-overlay.png");

async function launch(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "kiji-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1000, height: 700 } });
  return { context, profile };
}

// Page-side code is written as strings: the tests compile without the DOM's types.
function overlayText(page: Page): Promise<string> {
  return page.evaluate<string>(`document.querySelector("kiji-error-overlay")?.shadowRoot?.textContent ?? ""`);
}

test("in Chromium: a Markdown edit shows up without a manual reload, CSS swaps in place, errors show an overlay until fixed", { skip, timeout: 90_000 }, async () => {
  const source = makeServeSite();
  const session = await startServe({ build: { source }, port: 0, now: () => NOW });
  const { context, profile } = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${session.server.url}2026/01/02/second/`);
    assert.equal(await page.textContent("h1"), "Second post");

    // 1. Markdown: the page reloads itself and shows the new text.
    const post = path.join(source, "_posts/2026-01-02-second.md");
    writeFileSync(post, "---\nlayout: post\ntitle: Second post\n---\nWords written *just now*.\n");
    await page.waitForFunction(`document.querySelector("article")?.textContent?.includes("Words written just now.")`, undefined, { timeout: 15_000 });

    // 2. CSS: the stylesheet is swapped, the page is not reloaded (a marker on window survives).
    await page.evaluate(`window.kijiMarker = "still here"`);
    writeFileSync(path.join(source, "assets/site.css"), "body { color: rgb(200, 0, 0); }\n");
    await page.waitForFunction(`getComputedStyle(document.body).color === "rgb(200, 0, 0)"`, undefined, { timeout: 15_000 });
    assert.equal(await page.evaluate(`window.kijiMarker`), "still here");

    // 3. A bad edit: the overlay names the file and line and shows the code frame.
    const good = readFileSync(post, "utf8");
    writeFileSync(post, "---\nlayout: post\ntitle: [unclosed\n---\nBroken.\n");
    await page.waitForSelector("kiji-error-overlay", { timeout: 15_000 });
    const text = await overlayText(page);
    assert.match(text, /_posts\/2026-01-02-second\.md:4:1/);
    assert.match(text, /invalid YAML/);
    assert.match(text, /> 4 \| ---/);
    assert.match(await page.textContent("article") ?? "", /Words written just now\./, "the last good page stays underneath");
    await page.screenshot({ path: SCREENSHOT });

    // 4. The fix clears the overlay.
    writeFileSync(post, good.replace("just now", "after the fix"));
    await page.waitForFunction(`!document.querySelector("kiji-error-overlay") && document.querySelector("article")?.textContent?.includes("after the fix")`, undefined, { timeout: 15_000 });
  } finally {
    await context.close();
    await session.close();
    removeDir(profile);
    removeDir(source);
  }
});

test("in Chromium: a site whose first build failed shows the error page at every URL, then the real page once fixed", { skip, timeout: 90_000 }, async () => {
  const source = makeServeSite({ "_posts/2026-01-02-second.md": "---\nlayout: post\ntitle: [unclosed\n---\nx\n" });
  const session = await startServe({ build: { source }, port: 0, now: () => NOW });
  const { context, profile } = await launch();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // A URL the fixed site will not have either: the error page must still give way to the site's 404 page.
    const response = await page.goto(`${session.server.url}no/such/page/`);
    assert.equal(response?.status(), 500);
    await page.waitForSelector("kiji-error-overlay", { timeout: 15_000 });
    assert.match(await overlayText(page), /_posts\/2026-01-02-second\.md:4:1/);
    writeFileSync(path.join(source, "_posts/2026-01-02-second.md"), "---\nlayout: post\ntitle: Second post\n---\nFixed.\n");
    await page.waitForFunction(`document.querySelector(".missing")?.textContent === "This page does not exist." && !document.querySelector("kiji-error-overlay")`, undefined, { timeout: 15_000 });
  } finally {
    await context.close();
    await session.close();
    removeDir(profile);
    removeDir(source);
  }
});

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "../src/build/index.js";
import { CHROMIUM, CHROMIUM_ARGS, skipWithoutChromium } from "./chromium.js";
import { REPO_ROOT, removeDir } from "./helpers.js";
import { serveStatic, type StaticServer } from "./static-server.js";

const skip = skipWithoutChromium("the theme's browser test");

/** Git-ignored: screenshots for a person to look at after a run. */
const SCREENSHOTS = path.join(REPO_ROOT, ".screenshots");
const SITE_URL = "https://allforces.example/";
const POST = "2026/02/19/2-open-source-llm-corporate-roi/";
const CATEGORY = "categories/%E5%B0%8E%E5%85%A5%E4%BA%8B%E4%BE%8B/";
const CASE_STUDY_CTA = "/contact/?utm_source=article&utm_medium=cta&utm_campaign=case_study";
const WIDTHS = [375, 1280] as const;
const AXE_SOURCE = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

let out = "";
let server: StaticServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  out = mkdtempSync(path.join(os.tmpdir(), "kiji-theme-"));
  await build({ source: REPO_ROOT, overrides: { destination: out } });
  server = await serveStatic(out);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  if (skip) return;
  await browser.close();
  await server.close();
  removeDir(out);
});

// Page-side code is written as strings: the tests compile without the DOM's types.
const OVERFLOW = `document.documentElement.scrollWidth - document.documentElement.clientWidth`;
// The theme's own links; links written inside posts are the content's (and `kiji check`'s) business.
const INTERNAL_LINKS = `[...document.querySelectorAll("a[href]")].filter((a) => !a.closest(".post-content")).map((a) => a.href.replace(/#.*$/, "")).filter((href) => href.startsWith(location.origin) && href !== location.href.replace(/#.*$/, ""))`;

/** Opens `url` at `width`, failing on console errors; returns the page and the response status. */
async function open(url: string, width: number, colorScheme: "light" | "dark" = "light"): Promise<{ page: Page; status: number; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => { if (message.type() === "error" && !/404 \(Not Found\)/.test(message.text())) errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(`${server.url}${url}`, { waitUntil: "load" });
  return { page, status: response?.status() ?? 0, errors };
}

async function statusOf(url: string): Promise<number> {
  return (await fetch(url)).status;
}

/** The checks every page gets: visible title, no sideways scrolling, links that answer, no serious axe findings. */
async function checkPage(page: Page, name: string, width: number, errors: readonly string[]): Promise<void> {
  assert.ok(await page.locator("h1:visible, .site-title").first().isVisible(), `${name}: a title is visible`);
  assert.match(await page.locator("main").innerText(), /[\u3040-\u30ff\u4e00-\u9fff]/, `${name}: Japanese text in main`);
  assert.ok((await page.evaluate<number>(OVERFLOW)) <= 0, `${name} at ${width}px scrolls sideways`);
  for (const link of new Set(await page.evaluate<string[]>(INTERNAL_LINKS))) {
    assert.equal(await statusOf(link), 200, `${name}: link ${link}`);
  }
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate<Array<{ id: string; impact: string; nodes: unknown[] }>>(
    `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) })))`,
  );
  const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  assert.deepEqual(serious, [], `${name} at ${width}px: axe finds serious or critical violations`);
  assert.deepEqual(errors, [], `${name}: console errors`);
  // Lazy images load before the full-page shot, so it shows what a reader scrolling down sees.
  await page.evaluate(`Promise.all([...document.images].map((img) => { img.loading = "eager"; return img.decode().catch(() => {}); }))`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}-full.png`), fullPage: true });
}

for (const width of WIDTHS) {
  test(`in Chromium at ${width}px: the home page lists posts with image, title, date, category and reading time`, { skip, timeout: 60_000 }, async () => {
    const { page, status, errors } = await open("", width);
    assert.equal(status, 200);
    const first = page.locator(".post-card").first();
    assert.ok(await first.locator("img").isVisible(), "the newest post's OGP image shows");
    assert.equal(await first.locator(".post-card-title").innerText(), "GPT-4oに匹敵するオープンソースLLM、開発現場はどう変わるのか？");
    assert.equal(await first.locator("time").innerText(), "2026年2月25日");
    assert.equal(await first.locator(".post-category").innerText(), "AI技術ガイド");
    assert.match(await first.locator(".reading-time").innerText(), /^約\d+分で読めます$/);
    const nav = await page.locator(".category-nav a").allInnerTexts();
    assert.deepEqual(nav, ["ホーム", "導入事例", "AI最新ニュース", "AI技術ガイド", "このサイトについて"]);
    await checkPage(page, "home", width, errors);
    await page.context().close();
  });

  test(`in Chromium at ${width}px: a post shows title, date, category and its category's CTA once`, { skip, timeout: 60_000 }, async () => {
    const { page, status, errors } = await open(POST, width);
    assert.equal(status, 200);
    assert.ok(await page.locator("h1.post-title").isVisible());
    assert.equal(await page.locator("h1.post-title").innerText(), "GPT-4o級性能のオープンソースLLM、企業導入でROIは劇的に改善するか");
    assert.ok(await page.locator(".post-header time").isVisible());
    assert.equal(await page.locator(".post-header time").innerText(), "2026年2月19日");
    assert.equal(await page.locator(".post-header .post-category").innerText(), "導入事例");
    // The 導入事例 CTA: its heading and the link to /contact/ with the case_study campaign, once.
    assert.ok(await page.getByText("AI導入のご相談を承っています").first().isVisible());
    const cta = page.locator(`a[href="${CASE_STUDY_CTA}"]`);
    assert.equal(await cta.count(), 1, "the post links to its CTA once, not twice");
    assert.ok(await cta.isVisible());
    // The head carries absolute OGP and Twitter images that answer.
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    const twitterCard = await page.locator('meta[name="twitter:card"]').getAttribute("content");
    assert.match(ogImage ?? "", /^https:\/\/allforces\.example\/assets\/images\/posts\/.+\.png$/);
    assert.equal(twitterCard, "summary_large_image");
    assert.equal(await statusOf(ogImage!.replace(SITE_URL, server.url)), 200);
    await checkPage(page, "post", width, errors);
    await page.context().close();
  });

  test(`in Chromium at ${width}px: a category archive and the 404 page`, { skip, timeout: 60_000 }, async () => {
    const archive = await open(CATEGORY, width);
    assert.equal(archive.status, 200);
    assert.equal(await archive.page.locator("h1.archive-title").innerText(), "導入事例");
    assert.equal(await archive.page.locator('.category-nav a[aria-current="page"]').innerText(), "導入事例");
    await checkPage(archive.page, "category", width, archive.errors);
    await archive.page.context().close();
    const missing = await open("no/such/page/", width);
    assert.equal(missing.status, 404);
    assert.equal(await missing.page.locator("h1").innerText(), "ページが見つかりません");
    await checkPage(missing.page, "404", width, missing.errors);
    await missing.page.context().close();
  });
}

test("in Chromium: dark mode follows prefers-color-scheme", { skip, timeout: 60_000 }, async () => {
  const background = `getComputedStyle(document.body).backgroundColor`;
  const color = `getComputedStyle(document.querySelector(".post-content")).color`;
  const light = await open(POST, 375, "light");
  assert.equal(await light.page.evaluate<string>(background), "rgb(255, 255, 255)");
  assert.equal(await light.page.evaluate<string>(color), "rgb(29, 35, 41)");
  await light.page.context().close();
  const dark = await open(POST, 375, "dark");
  assert.equal(await dark.page.evaluate<string>(background), "rgb(17, 20, 24)");
  assert.equal(await dark.page.evaluate<string>(color), "rgb(230, 233, 237)");
  await dark.page.screenshot({ path: path.join(SCREENSHOTS, "post-dark-375.png") });
  await dark.page.context().close();
});

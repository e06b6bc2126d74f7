import assert from "node:assert/strict";
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { resolveConfig, validateLayer, type ResolvedConfig } from "../src/config/index.js";
import { chooseCta } from "../src/features/index.js";
import { KijiError } from "../src/shared/index.js";
import { REPO_ROOT, listFiles, makeSite, removeDir } from "./helpers.js";

const NEWS = "/?utm_source=article&utm_medium=cta&utm_campaign=news";
const CASE_STUDY = "/contact/?utm_source=article&utm_medium=cta&utm_campaign=case_study";
const TECH_GUIDE = "/services/?utm_source=article&utm_medium=cta&utm_campaign=tech_guide";

function ctaConfig(values: Record<string, unknown> = {}): ResolvedConfig["cta"] {
  return resolveConfig("/site", [{ values, origin: "site.config.ts", allowCustomKeys: false }], []).cta;
}

/** Link targets of an HTML string, `&amp;` decoded. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;|&#x26;/g, "&"));
}

test("CTA blocks: each of the blog's categories gets its block, other categories the default", () => {
  const config = ctaConfig();
  const pick = (categories: string[]) => chooseCta({ categories, frontMatter: undefined, html: "<p>本文</p>" }, config);
  assert.deepEqual([pick(["AI最新ニュース"])?.title, pick(["AI最新ニュース"])?.url], ["AI活用の実践ノウハウを発信中", NEWS]);
  assert.deepEqual([pick(["導入事例"])?.title, pick(["導入事例"])?.url], ["AI導入のご相談を承っています", CASE_STUDY]);
  assert.deepEqual([pick(["AI技術ガイド"])?.title, pick(["AI技術ガイド"])?.url], ["技術選定のご相談を承っています", TECH_GUIDE]);
  assert.equal(pick(["雑記"])?.url, "/?utm_source=article&utm_medium=cta&utm_campaign=article");
  assert.equal(pick([])?.url, "/?utm_source=article&utm_medium=cta&utm_campaign=article");
  assert.equal(pick(["雑記", "導入事例", "AI技術ガイド"])?.url, CASE_STUDY, "the first category with a block wins");
});

test("CTA blocks: none for `cta: false` in front matter or config, nor when the body already links to the block", () => {
  const config = ctaConfig();
  assert.equal(chooseCta({ categories: ["導入事例"], frontMatter: false, html: "" }, config), undefined);
  assert.equal(chooseCta({ categories: ["導入事例"], frontMatter: undefined, html: "" }, ctaConfig({ cta: false })), undefined);
  const inline = `<p class="consulting-cta-link"><a href="/contact/?utm_source=article&#x26;utm_medium=cta&#x26;utm_campaign=case_study">お問い合わせはこちら</a></p>`;
  assert.equal(chooseCta({ categories: ["導入事例"], frontMatter: undefined, html: inline }, config), undefined);
  assert.equal(chooseCta({ categories: ["AI技術ガイド"], frontMatter: undefined, html: inline }, config)?.url, TECH_GUIDE, "a link to another block does not count");
});

test("CTA config: own blocks replace the defaults; typos and missing fields are errors naming the key", () => {
  const own = { title: "ニュースレター", label: "登録する", url: "https://example.com/news" };
  const config = ctaConfig({ cta: { categories: { 導入事例: own } } });
  assert.deepEqual(config?.categories, { 導入事例: own });
  assert.equal(config?.default.title, "AI活用の実践ノウハウを発信中");
  const typo = () => validateLayer({ values: { cta: { defualt: own } }, origin: "site.config.ts", allowCustomKeys: false });
  assert.throws(typo, (error: unknown) => error instanceof KijiError && /unknown config key 'cta.defualt'/.test(error.message) && /'default'/.test(error.hint ?? ""));
  const missing = () => validateLayer({ values: { cta: { default: { title: "x", label: "y" } } }, origin: "site.config.ts", allowCustomKeys: false });
  assert.throws(missing, (error: unknown) => error instanceof KijiError && /cta\.default\.url/.test(error.message) && error.file === "site.config.ts");
});

test("the theme puts each category's CTA block under its posts, with baseurl", async () => {
  const layouts = Object.fromEntries(
    ["_layouts", "_includes"].flatMap((dir) => readdirSync(path.join(REPO_ROOT, dir)).map((name) => [`${dir}/${name}`, readFileSync(path.join(REPO_ROOT, dir, name), "utf8")])),
  );
  const post = (category: string) => `---\nlayout: post\ntitle: ${category}の記事\ncategories: [${category}]\n---\n本文です。\n`;
  const source = makeSite({
    ...layouts,
    "_config.yml": "title: テスト\nlang: ja\ntimezone: Asia/Tokyo\nbaseurl: /blog\npermalink: /:year/:month/:day/:title/\n",
    "_posts/2026-01-01-news.md": post("AI最新ニュース"),
    "_posts/2026-01-02-case.md": post("導入事例"),
    "_posts/2026-01-03-guide.md": post("AI技術ガイド"),
    "_posts/2026-01-04-other.md": post("雑記"),
  });
  try {
    await build({ source });
    const cta = (slug: string) => {
      const html = readFileSync(path.join(source, "_site/2026/01", slug, "index.html"), "utf8");
      const block = /<aside class="cta-block"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? "";
      return { title: /<p class="cta-title"[^>]*>([^<]*)</.exec(block)?.[1], links: hrefs(block) };
    };
    assert.deepEqual(cta("01/news"), { title: "AI活用の実践ノウハウを発信中", links: [`/blog${NEWS}`] });
    assert.deepEqual(cta("02/case"), { title: "AI導入のご相談を承っています", links: [`/blog${CASE_STUDY}`] });
    assert.deepEqual(cta("03/guide"), { title: "技術選定のご相談を承っています", links: [`/blog${TECH_GUIDE}`] });
    assert.deepEqual(cta("04/other"), { title: "AI活用の実践ノウハウを発信中", links: ["/blog/?utm_source=article&utm_medium=cta&utm_campaign=article"] });
  } finally {
    removeDir(source);
  }
});

test("the blog: header and footer links and CTA targets resolve to generated pages; no links in the output", async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "kiji-theme-html-"));
  try {
    await build({ source: REPO_ROOT, overrides: { destination: out } });
    const files = new Set(listFiles(out));
    for (const page of ["about/index.html", "contact/index.html", "services/index.html", "404.html", ".nojekyll"]) assert.ok(files.has(page), page);
    const resolves = (href: string) => {
      const target = decodeURIComponent(href.replace(/[?#].*$/, "")).replace(/^\//, "");
      return files.has(target === "" || target.endsWith("/") ? `${target}index.html` : target);
    };
    const home = readFileSync(path.join(out, "index.html"), "utf8");
    const nav = /<nav class="category-nav"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? "";
    assert.deepEqual(hrefs(nav).length, 5, "home, three categories, about");
    for (const file of [...files].filter((name) => name.endsWith(".html"))) {
      const html = readFileSync(path.join(out, file), "utf8");
      const chrome = [/<header class="site-header"[\s\S]*?<\/header>/, /<footer class="site-footer"[\s\S]*?<\/footer>/, /<aside class="cta-block"[\s\S]*?<\/aside>/]
        .map((pattern) => pattern.exec(html)?.[0] ?? "").join("");
      for (const href of hrefs(chrome).filter((link) => link.startsWith("/"))) assert.ok(resolves(href), `${file}: ${href} is not a generated page`);
    }
    for (const [campaign, url] of [["news", NEWS], ["case_study", CASE_STUDY], ["tech_guide", TECH_GUIDE]]) assert.ok(resolves(url!), `${campaign} CTA target`);
    // GitHub Pages rejects artifacts with symbolic or hard links.
    for (const file of files) {
      const stat = lstatSync(path.join(out, file));
      assert.ok(!stat.isSymbolicLink() && stat.nlink === 1, `${file} is a link`);
    }
    assert.ok(!existsSync(path.join(out, "netlify.toml")) && !existsSync(path.join(out, ".github")), "deploy settings are not published");
  } finally {
    removeDir(out);
  }
});

test("deploy set-ups: the Pages workflow builds with npm and uploads _site; Netlify publishes _site with the 404 page", () => {
  const workflow = readFileSync(path.join(REPO_ROOT, ".github/workflows/pages.yml"), "utf8");
  assert.match(workflow, /run: npm ci\n/);
  assert.match(workflow, /run: npm run build -- --baseurl "\$\{\{ steps\.pages\.outputs\.base_path \}\}"/);
  assert.match(workflow, /uses: actions\/upload-pages-artifact@v3\n\s+with:\n\s+path: _site/);
  assert.match(workflow, /uses: actions\/deploy-pages@v4/);
  assert.match(workflow, /path: \.kiji-cache/);
  const netlify = readFileSync(path.join(REPO_ROOT, "netlify.toml"), "utf8");
  assert.match(netlify, /command = "npm ci && npm run build"/);
  assert.match(netlify, /publish = "_site"/);
  assert.match(netlify, /to = "\/404\.html"\n\s+status = 404/);
});

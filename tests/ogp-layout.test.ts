import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { Parser, jaModel } from "budoux";
import type { OgpColors } from "../src/config/index.js";
import type { CardContent } from "../src/features/index.js";
import { loadCardFonts } from "../src/outputs/ogp/card-fonts.js";
import { TITLE_SIZES, layoutCard, layoutTitle, type CardLayoutInput } from "../src/outputs/ogp/card-layout.js";
import { measureText } from "../src/outputs/ogp/font-metrics.js";
import { breakUnits, fillLines, lineWidth, titlePhrases } from "../src/outputs/ogp/line-break.js";
import { REPO_ROOT } from "./helpers.js";

const fonts = await loadCardFonts();
const parser = new Parser(jaModel);
const segment = (text: string): string[] => parser.parse(text);
const COLORS: Required<OgpColors> = {
  frame: "#000000", frame_end: "#000000", card: "#ffffff", title: "#111111", text: "#666666", accent: "#0000ff", accent_text: "#ffffff",
};
const INPUT: CardLayoutInput = { colors: COLORS, hasLogo: false, fonts: { bold: fonts.bold.metrics, regular: fonts.regular.metrics }, segment };
const WIDTH = 1000;

/** The titles of the blog's seed posts, from their front matter. */
const SEED_TITLES = readdirSync(path.join(REPO_ROOT, "_posts"))
  .sort()
  .map((name) => /^title: "(.*)"$/m.exec(readFileSync(path.join(REPO_ROOT, "_posts", name), "utf8"))![1]!);

/** Offsets (in characters, spaces removed) where a list of strings joins. */
function boundaries(parts: readonly string[]): Set<number> {
  const out = new Set<number>();
  let offset = 0;
  for (const part of parts.slice(0, -1)) {
    offset += part.replace(/\s/g, "").length;
    out.add(offset);
  }
  return out;
}

test("seed titles break only between BudouX phrases, never inside a word, and no line starts with 、 or 。", () => {
  assert.equal(SEED_TITLES.length, 5);
  for (const title of SEED_TITLES) {
    const { lines, size } = layoutTitle(title, INPUT, WIDTH);
    assert.equal(lines.join("").replace(/\s/g, ""), title.replace(/\s/g, ""), "no character lost or added");
    assert.ok(lines.length >= 2 && lines.length <= 3, `${title}: ${lines.length} lines`);
    const phraseBreaks = boundaries(segment(title));
    for (const at of boundaries(lines)) assert.ok(phraseBreaks.has(at), `${title}: break at ${at} is not between BudouX phrases (${lines.join(" / ")})`);
    for (const line of lines) {
      assert.doesNotMatch(line, /^[、。]/, `${title}: a line starts with punctuation`);
      assert.ok(lineWidth(line, (t) => measureText(fonts.bold.metrics, t, size)) <= WIDTH, `${line} overflows`);
    }
  }
});

test("the first seed title keeps 改善するか and GPT-4o whole", () => {
  const { lines, size } = layoutTitle("GPT-4o級性能のオープンソースLLM、企業導入でROIは劇的に改善するか", INPUT, WIDTH);
  assert.deepEqual(lines, ["GPT-4o級性能の", "オープンソースLLM、企業導入で", "ROIは劇的に改善するか"]);
  assert.equal(size, 62, "one step below the largest size, where it takes four lines");
  assert.ok(!lines.some((line) => line.endsWith("改善す")));
});

test("BudouX's cut inside a Latin word is joined, and phrases starting with 、。 or ending with 「 are joined", () => {
  assert.deepEqual(segment("GPT-4o級性能の").slice(0, 2), ["GPT-4", "o級性能の"], "what BudouX does on its own");
  assert.deepEqual(titlePhrases("GPT-4o級性能の", segment), ["GPT-4o級性能の"]);
  assert.deepEqual(titlePhrases("ab", () => ["今日は", "、晴れ", "。「", "本当", "」だ"]), ["今日は、晴れ。「本当」だ"]);
});

test("line-end 、 and 。 hang: they count half their width", () => {
  const measure = (t: string): number => measureText(fonts.bold.metrics, t, 100);
  assert.equal(lineWidth("企業、", measure), 250);
  assert.equal(lineWidth("企業 ", measure), 200);
});

test("the font shrinks step by step: short titles stay large, long ones step down, the longest are cut with …", () => {
  const short = layoutTitle("AI週報", INPUT, WIDTH);
  assert.deepEqual(short, { lines: ["AI週報"], size: TITLE_SIZES[0] });
  const long = "オープンソースの大規模言語モデルを社内に導入した企業が最初の一年で直面した課題と、その乗り越え方";
  const medium = layoutTitle(long, INPUT, WIDTH);
  assert.ok(medium.size < TITLE_SIZES[0] && medium.lines.length === 3, `${medium.size}: ${medium.lines.join(" / ")}`);
  const huge = layoutTitle(long.repeat(3), INPUT, WIDTH);
  assert.equal(huge.size, TITLE_SIZES[TITLE_SIZES.length - 1]);
  assert.equal(huge.lines.length, 3);
  assert.match(huge.lines[2]!, /…$/);
});

test("a phrase wider than the line still breaks instead of overflowing", () => {
  const word = "Supercalifragilisticexpialidociousnessandantidisestablishmentarianism";
  assert.ok(measureText(fonts.bold.metrics, word, TITLE_SIZES[0]) > WIDTH, "the test word is wider than a line");
  const { lines, size } = layoutTitle(word, INPUT, WIDTH);
  assert.ok(lines.length > 1);
  assert.equal(lines.join(""), word);
  for (const line of lines) assert.ok(measureText(fonts.bold.metrics, line, size) <= WIDTH);
  const measure = (t: string): number => measureText(fonts.bold.metrics, t, 100);
  assert.deepEqual(breakUnits(["ab cd"], measure("ab c"), measure), ["ab ", "cd"], "spaces first");
});

test("a title's lines are even: the widest and narrowest line differ less than in a greedy fill", () => {
  const title = "Why small language models win at the edge today";
  const { lines, size } = layoutTitle(title, INPUT, WIDTH);
  const measure = (t: string): number => measureText(fonts.bold.metrics, t, size);
  const spread = (ls: readonly string[]): number => Math.max(...ls.map(measure)) - Math.min(...ls.map(measure));
  const greedy = fillLines(breakUnits(titlePhrases(title, segment), WIDTH, measure), WIDTH, measure);
  assert.deepEqual(greedy, ["Why small language", "models win at the edge", "today"], "greedy leaves a stub");
  assert.deepEqual(lines, ["Why small language", "models win at", "the edge today"]);
  assert.ok(spread(lines) < spread(greedy) / 2, `${lines.join(" / ")} against ${greedy.join(" / ")}`);
});

test("the card shows the configured fields: category and date on top, site and author below, a rule only when there is a bottom row", () => {
  const content = (fields: CardContent["fields"]): CardContent => ({ title: "AI週報", fields });
  const all = layoutCard(
    content([
      { field: "site", text: "ALLFORCES AI NEWS" },
      { field: "category", text: "導入事例" },
      { field: "date", text: "2026.02.19" },
      { field: "author", text: "ALLFORCES編集部" },
    ]),
    INPUT,
  );
  assert.equal(all.width, 1200);
  assert.equal(all.height, 630);
  const items = all.rows.map((row) => row.items.map((item) => (item.kind === "text" ? item.field : "logo")));
  assert.deepEqual(items, [["category", "date"], ["site"], ["author"]]);
  assert.ok(all.rows[0]!.centerY < all.title.top && all.title.bottom < all.rule!.y && all.rule!.y < all.rows[1]!.centerY);
  assert.equal(all.rows[2]!.align, "right");
  const dateOnly = layoutCard(content([{ field: "date", text: "2026.02.19" }]), { ...INPUT, hasLogo: false });
  assert.deepEqual(dateOnly.rows.map((row) => row.items.length), [1]);
  assert.equal(dateOnly.rule, undefined);
  assert.ok(dateOnly.title.bottom > all.title.bottom, "the title gets the room of the missing bottom row");
  const longCategory = layoutCard(content([{ field: "category", text: "とても長いカテゴリ名".repeat(5) }]), INPUT);
  const label = longCategory.rows[0]!.items[0]!;
  assert.ok(label.kind === "text" && label.text.endsWith("…") && label.pill !== undefined);
});

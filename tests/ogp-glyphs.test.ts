import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT } from "./helpers.js";

// Runs in a child process whose fontconfig knows no fonts at all, so only the font file kiji passes
// to sharp can draw anything: a machine's own Japanese fonts cannot hide a broken set-up.
const CHILD = `
import { loadCardFonts } from "./dist/src/outputs/ogp/card-fonts.js";
import { renderText } from "./dist/src/outputs/ogp/render-card.js";
const fonts = await loadCardFonts();
const runs = [];
for (const text of ["一", "二", "三"]) {
  const ink = await renderText({ text, font: fonts.bold, size: 120, color: "#000000" });
  const x = Math.floor(ink.width / 2);
  let count = 0;
  let inside = false;
  for (let y = 0; y < ink.height; y++) {
    const isInk = ink.data[(y * ink.width + x) * 4 + 3] > 128;
    if (isInk && !inside) count++;
    inside = isInk;
  }
  runs.push(count);
}
console.log(JSON.stringify(runs));
`;

test("一, 二 and 三 are really drawn from the bundled font: 1, 2 and 3 ink runs down the middle, with no system fonts", () => {
  const conf = path.join(os.tmpdir(), `kiji-no-fonts-${process.pid}.conf`);
  writeFileSync(conf, '<?xml version="1.0"?>\n<fontconfig><cachedir prefix="xdg">fontconfig</cachedir></fontconfig>\n');
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: os.tmpdir() },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), [1, 2, 3]);
});

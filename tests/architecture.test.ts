import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT } from "./helpers.js";

// STYLE.md's one-way import rule: each stage folder may import only the folders listed here.
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  cli: ["serve", "check", "migrate", "new-post", "build", "config", "shared"],
  migrate: ["check", "build", "source", "config", "shared"],
  check: ["build", "features", "markdown", "content", "source", "config", "shared"],
  "new-post": ["content", "source", "config", "shared"],
  serve: ["build", "config", "shared"],
  build: ["write", "outputs", "templates", "features", "markdown", "content", "source", "config", "shared"],
  write: ["outputs", "shared"],
  outputs: ["templates", "features", "content", "config", "shared"],
  templates: ["features", "markdown", "content", "config", "shared"],
  features: ["content", "markdown", "config", "shared"],
  markdown: ["config", "shared"],
  content: ["source", "config", "shared"],
  source: ["config", "shared"],
  config: ["shared"],
  shared: [],
};

const SRC = path.join(REPO_ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(dir, file));
}

test("every stage folder has an index.ts public face", () => {
  for (const stage of Object.keys(ALLOWED)) {
    if (!existsSync(path.join(SRC, stage))) continue;
    assert.ok(existsSync(path.join(SRC, stage, "index.ts")), `src/${stage}/index.ts`);
  }
});

test("imports go one way, and only through a folder's index.ts", () => {
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const relative = path.relative(SRC, file).split(path.sep);
    if (relative.length < 2) continue;
    const stage = relative[0]!;
    const allowed = ALLOWED[stage];
    if (!allowed) {
      problems.push(`src/${relative.join("/")}: folder '${stage}' is not a known stage`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = path.relative(SRC, path.resolve(path.dirname(file), match[1]!)).split(path.sep);
      const targetStage = target[0]!;
      if (targetStage === stage) continue;
      const where = `src/${relative.join("/")} imports ${match[1]}`;
      if (!allowed.includes(targetStage)) problems.push(`${where}: '${stage}' may not import '${targetStage}'`);
      else if (!(target.length === 2 && target[1] === "index.js")) problems.push(`${where}: import through ${targetStage}/index.js`);
    }
  }
  assert.deepEqual(problems, []);
});

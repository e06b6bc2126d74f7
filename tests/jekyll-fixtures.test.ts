// Golden tests against real Jekyll.
//
// Every folder under tests/fixtures/jekyll/ that holds a case.json is one
// case: `source/` is a small Jekyll site, `expected/` is exactly what
// Debian's jekyll 4.3.1 wrote for it (see make-fixtures.sh and README.md
// there), and case.json lists the extra build flags (e.g. ["--drafts"]),
// which are passed unchanged to `kiji build`.
//
// For each case kiji builds the source into a temporary folder and the test
// checks that
//   1. kiji exits with status 0,
//   2. the set of written file paths equals Jekyll's (kiji's `.nojekyll` at
//      the root is ignored),
//   3. every text file (.html .xml .txt .css .json) has the same content
//      once runs of whitespace are collapsed to one space and the ends
//      trimmed,
//   4. every other file (copied static files) is byte-identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// This file runs as dist/tests/jekyll-fixtures.test.js: the repo root is two
// levels up.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixturesDir = path.join(repoRoot, 'tests', 'fixtures', 'jekyll');
const kijiBin = path.join(repoRoot, 'bin', 'kiji.js');

// .htm is a post written through a permalink ending; blank lines between Markdown blocks are the kramdown issue's job.
const TEXT_EXTENSIONS = new Set(['.html', '.htm', '.xml', '.txt', '.css', '.json']);
// Files kiji adds that Jekyll without plugins never writes (relative to the output root):
// `.nojekyll`, and what kiji makes where Jekyll needs jekyll-feed and jekyll-sitemap (their
// output is checked against those plugins by tests/outputs-fixture.test.ts) and a 404 page.
const IGNORED_OUTPUTS = new Set(['.nojekyll', 'feed.xml', 'sitemap.xml', 'robots.txt', '404.html']);
const isIgnoredOutput = (file: string): boolean => IGNORED_OUTPUTS.has(file) || file.startsWith('feed/');

interface CaseSpec {
  name: string;
  dir: string;
  flags: string[];
}

function readCase(name: string): CaseSpec | undefined {
  const dir = path.join(fixturesDir, name);
  const specPath = path.join(dir, 'case.json');
  if (!fs.existsSync(specPath)) return undefined;
  const spec: unknown = JSON.parse(fs.readFileSync(specPath, 'utf8'));
  if (typeof spec !== 'object' || spec === null || !('flags' in spec)) {
    throw new Error(`${name}/case.json: expected { "flags": [...] }`);
  }
  const flags: unknown = spec.flags;
  if (!Array.isArray(flags) || !flags.every((f): f is string => typeof f === 'string')) {
    throw new Error(`${name}/case.json: "flags" must be an array of strings`);
  }
  return { name, dir, flags };
}

function listCases(): CaseSpec[] {
  return fs
    .readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readCase(entry.name))
    .filter((spec): spec is CaseSpec => spec !== undefined)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** All files below `root`, as sorted '/'-separated paths relative to it. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(childRel);
      else out.push(childRel.normalize('NFC'));
    }
  };
  walk('');
  return out.sort();
}

function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A short view of both texts around their first difference. */
function firstDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const from = Math.max(0, i - 60);
  return (
    `first difference at character ${i}:\n` +
    `  jekyll: ${JSON.stringify(expected.slice(from, i + 60))}\n` +
    `  kiji:   ${JSON.stringify(actual.slice(from, i + 60))}`
  );
}

const cases = listCases();

test('jekyll fixtures are present', () => {
  assert.ok(cases.length > 0, `no cases found in ${fixturesDir}`);
});

for (const spec of cases) {
  test(`jekyll fixture: ${spec.name}`, () => {
    const sourceDir = path.join(spec.dir, 'source');
    const expectedDir = path.join(spec.dir, 'expected');
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `kiji-jekyll-${spec.name}-`));
    try {
      const args = [kijiBin, 'build', '-q', '--disable-disk-cache', '-s', sourceDir, '-d', outDir, ...spec.flags];
      const run = spawnSync(process.execPath, args, {
        cwd: repoRoot,
        env: { ...process.env, TZ: 'UTC' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.equal(
        run.status,
        0,
        `${spec.name}: \`kiji build ${spec.flags.join(' ')}\` exited with ` +
          `${run.status ?? run.signal ?? run.error?.message}\n` +
          `stdout:\n${run.stdout ?? ''}\nstderr:\n${run.stderr ?? ''}`,
      );

      const expectedFiles = listFiles(expectedDir);
      const expectedSet = new Set(expectedFiles);
      // A site's own feed.xml or robots.txt is still compared; only kiji's generated ones are skipped.
      const actualFiles = listFiles(outDir).filter((f) => !isIgnoredOutput(f) || expectedSet.has(f));
      const actualSet = new Set(actualFiles);
      const missing = expectedFiles.filter((f) => !actualSet.has(f));
      const extra = actualFiles.filter((f) => !expectedSet.has(f));
      assert.deepEqual(
        actualFiles,
        expectedFiles,
        `${spec.name}: output file paths differ from Jekyll's\n` +
          `  missing (Jekyll wrote, kiji did not): ${JSON.stringify(missing)}\n` +
          `  extra (kiji wrote, Jekyll did not): ${JSON.stringify(extra)}`,
      );

      for (const file of expectedFiles) {
        const expectedBytes = fs.readFileSync(path.join(expectedDir, file));
        const actualBytes = fs.readFileSync(path.join(outDir, file));
        if (TEXT_EXTENSIONS.has(path.posix.extname(file).toLowerCase())) {
          const expectedText = normaliseWhitespace(expectedBytes.toString('utf8'));
          const actualText = normaliseWhitespace(actualBytes.toString('utf8'));
          assert.ok(
            actualText === expectedText,
            `${spec.name}: ${file} differs from Jekyll's (whitespace-normalised)\n` +
              firstDifference(expectedText, actualText),
          );
        } else {
          assert.ok(
            actualBytes.equals(expectedBytes),
            `${spec.name}: ${file} is not byte-identical to Jekyll's copy`,
          );
        }
      }
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
}

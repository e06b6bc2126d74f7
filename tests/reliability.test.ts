import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build/index.js";
import { readSourceText } from "../src/source/index.js";
import { DUMP_LAYOUT, REPO_ROOT, makeSite, removeDir, runKiji, treeHash } from "./helpers.js";

function manyPosts(count: number): Record<string, string> {
  const files: Record<string, string> = { "_layouts/post.html": DUMP_LAYOUT };
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    files[`_posts/2026-02-${day}-post-${i}.md`] = `---\nlayout: post\ntitle: Post ${i}\n---\n${"本文です。**強調**と[リンク](/x/)。\n\n".repeat(40)}`;
  }
  return files;
}

/** Mounts a small tmpfs (root only). In CI (root on this kind of machine) a failure fails the test. */
function mountTmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir]).status === 0;
  assert.ok(mounted || process.env.CI !== "true", `CI must be able to mount a tmpfs at ${dir}`);
  return mounted;
}

test("SIGINT in the middle of writing leaves _site byte-identical and no staging folder", async () => {
  const site = makeSite(manyPosts(400));
  try {
    assert.equal(runKiji(["build", "-q", "-s", site, "--disable-disk-cache"]).code, 0);
    const before = treeHash(path.join(site, "_site"));
    writeFileSync(path.join(site, "_layouts/post.html"), `<main>${DUMP_LAYOUT}</main>`);
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "bin/kiji.js"), "build", "-q", "-s", site, "--disable-disk-cache"], { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (!readdirSync(site).some((name) => name.startsWith(".kiji-tmp-")) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    assert.ok(Date.now() < deadline, "the build started writing");
    child.kill("SIGINT");
    assert.equal(await exited, 130, "an interrupted build exits 130");
    assert.equal(treeHash(path.join(site, "_site")), before);
    assert.deepEqual(readdirSync(site).filter((name) => name.startsWith(".kiji-tmp-")), []);
  } finally {
    removeDir(site);
  }
});

test("a full disk fails the build with a clear message and keeps the old site", { skip: process.getuid?.() !== 0 && "needs root to mount a small tmpfs" }, async (t) => {
  const mountPoint = path.join(os.tmpdir(), `kiji-full-${process.pid}`);
  if (!mountTmpfs(mountPoint, "size=128k")) return t.skip("mounting tmpfs is not allowed here");
  const site = makeSite(manyPosts(120));
  try {
    const dest = path.join(mountPoint, "_site");
    mkdirSync(dest);
    writeFileSync(path.join(dest, "old.html"), "old site\n");
    const before = treeHash(dest);
    const result = runKiji(["build", "-s", site, "-d", dest, "--disable-disk-cache"]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot write the site to .*: the disk is full\nhint: The previous site was left untouched/);
    assert.equal(treeHash(dest), before);
    assert.deepEqual(readdirSync(mountPoint), ["_site"], "no staging folder left on the full disk");
  } finally {
    spawnSync("umount", [mountPoint]);
    removeDir(site);
  }
});

test("a destination that cannot be written is a clear error", { skip: process.getuid?.() !== 0 && "needs root to mount" }, async (t) => {
  const mountPoint = path.join(os.tmpdir(), `kiji-ro-${process.pid}`);
  if (!mountTmpfs(mountPoint, "size=64k,ro")) return t.skip("mounting tmpfs is not allowed here");
  const site = makeSite(manyPosts(2));
  try {
    const result = runKiji(["build", "-s", site, "-d", path.join(mountPoint, "_site"), "--disable-disk-cache"]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot write the site to .*_site: the file system is read-only/);
  } finally {
    spawnSync("umount", [mountPoint]);
    removeDir(site);
  }
});

test("a file deleted between scan and read is reported by name", async () => {
  const entry = { relativePath: "_posts/2026-01-01-gone.md", absolutePath: path.join(os.tmpdir(), "kiji-no-such-file.md"), kind: "post" as const, mtimeMs: 0 };
  await assert.rejects(readSourceText(entry), /cannot read file: it was deleted while the build was running/);
});

test("a symbolic link pointing outside the source is refused", async () => {
  const outside = makeSite({ "secret.txt": "do not publish\n" });
  const site = makeSite({ "index.html": "---\n---\nhome" });
  try {
    symlinkSync(path.join(outside, "secret.txt"), path.join(site, "leak.txt"));
    await assert.rejects(build({ source: site, cacheDir: false }), (error: Error & { file?: string }) => {
      assert.equal(error.file, "leak.txt");
      assert.match(error.message, /symbolic link points outside the site source/);
      return true;
    });
    assert.ok(!existsSync(path.join(site, "_site")));
  } finally {
    removeDir(site);
    removeDir(outside);
  }
});

test("odd but valid input builds: an empty file, a BOM with CRLF, __proto__ keys", async () => {
  const site = makeSite({
    "_layouts/post.html": "{{ page.title }}|{{ page.polluted }}|{{ content }}",
    "_posts/2026-01-01-empty.md": "",
    "_posts/2026-01-02-bom.md": "\uFEFF---\r\nlayout: post\r\ntitle: BOM\r\n---\r\nLine one\r\n",
    "_posts/2026-01-03-proto.md": "---\nlayout: post\ntitle: Proto\n__proto__:\n  polluted: yes\nconstructor: 1\n---\nx\n",
  });
  try {
    const result = await build({ source: site, cacheDir: false });
    assert.equal(result.posts, 3);
    const read = (file: string) => readFileSync(path.join(site, "_site", file), "utf8");
    assert.equal(read("2026/01/01/empty.html"), "");
    assert.equal(read("2026/01/02/bom.html"), "BOM||<p>Line one</p>\n");
    assert.equal(read("2026/01/03/proto.html"), "Proto||<p>x</p>\n", "__proto__ in front matter does not become an inherited property");
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  } finally {
    removeDir(site);
  }
});

test("a 50 MB post is refused with a clear error instead of exhausting memory", async () => {
  const site = makeSite({ "_posts/2026-01-04-big.md": `---\ntitle: Big\n---\n${"大きな記事の段落です。\n\n".repeat(1_600_000)}` });
  try {
    await assert.rejects(build({ source: site, cacheDir: false }), (error: Error & { file?: string; hint?: string }) => {
      assert.equal(error.file, "_posts/2026-01-04-big.md");
      assert.match(error.message, /file is 5\d\.\d MB; kiji renders documents of up to 10 MB/);
      assert.match(error.hint ?? "", /Split it/);
      return true;
    });
  } finally {
    removeDir(site);
  }
});

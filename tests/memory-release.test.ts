import assert from "node:assert/strict";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { resolveConfig } from "../src/config/index.js";
import type { Post, SiteContent } from "../src/content/index.js";
import { deriveFeatures, type PostTerms } from "../src/features/index.js";

/** A full garbage collection, from a test run without --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

test("the related ranking lets go of every post's terms once the lists are made", async () => {
  const posts = ["AI", "LLM", "GPU"].map((tag, i) => ({
    type: "posts",
    relativePath: `_posts/2026-01-0${i + 1}-p${i}.md`,
    title: `P${i}`,
    date: { epochMs: Date.UTC(2026, 0, i + 1) },
    tags: [tag, "news"],
    categories: [],
    published: true,
    data: {},
  })) as unknown as Post[];
  const content = { posts, pages: [], data: {} } as unknown as SiteContent;
  // A terms cache that keeps nothing, so only the ranking could hold the terms it hands out.
  const handedOut: Array<WeakRef<PostTerms>> = [];
  const termsCache = {
    get: (): PostTerms => {
      const terms = { terms: "ai\nnews\nmodel", counts: Float64Array.of(2, 1, 1) };
      handedOut.push(new WeakRef(terms));
      return terms;
    },
    set: () => undefined,
  };
  const features = await deriveFeatures({ config: resolveConfig("/site", [], []), content, texts: new Map(), sourceText: () => undefined, termsCache, usedTerms: new Set() });
  assert.deepEqual(features.documents.get(posts[0]!)?.related().map((entry) => entry.post.title), ["P1", "P2"]);
  assert.equal(handedOut.length, 3);
  // WeakRefs hold their targets until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  assert.deepEqual(handedOut.map((ref) => ref.deref() === undefined), [true, true, true], "no post's terms outlive the ranking");
  assert.equal(features.documents.get(posts[2]!)?.related().length, 2, "the lists stay");
});

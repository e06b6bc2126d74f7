import assert from "node:assert/strict";
import { test } from "node:test";
import { summariseRuns, type Scenario, type ScenarioResult } from "../bench/bench-result.js";
import { checkTargets } from "../bench/targets.js";

function result(tool: string, scenario: Scenario, posts: number, ms: number, peakRssMb = 100): ScenarioResult {
  return summariseRuns({ tool, scenario, posts, tinyPosts: posts >= 100_000 }, [ms + 1, ms, ms - 1].map((value) => ({ ms: value, peakRssMb, cpuMs: value / 2 })));
}

test("benchmark verdicts: targets are decided at 10,000 posts from the run's medians", () => {
  const results = [
    result("kiji", "cold", 10_000, 8_000, 450),
    result("kiji", "one-post-edit", 10_000, 3_000, 480),
    result("eleventy", "cold", 10_000, 18_000),
    result("hexo", "cold", 10_000, 15_000),
    result("jekyll", "cold", 10_000, 160_000),
    result("hugo", "cold", 10_000, 5_000),
    result("kiji", "cold", 100_000, 60_000, 900),
  ];
  const cards = { posts: 200, runs: 3, cardsColdMs: 9_000, cardsWarmMs: 4_000, cardsDrawn: 200, drawnWhenUnchanged: 0, cardsPerSecond: 40, cpuMsPerCard: 20 };
  const [cold, publish, serve, memory, ogp] = checkTargets(results, [], cards);
  // 8 s against Hexo's 15 s is 0.53, above the 0.5 asked for, although Eleventy and Jekyll pass.
  assert.equal(cold?.status, "not met");
  assert.match(cold?.detail ?? "", /Eleventy 18\.00 s = 0\.44 .*Hexo 15\.00 s = 0\.53 .*Jekyll 160\.00 s = 0\.05/);
  assert.equal(publish?.status, "not met");
  assert.match(publish?.detail ?? "", /= 0\.60 \(≤ 0\.5/);
  assert.equal(serve?.status, "not measured");
  assert.equal(memory?.status, "met");
  assert.match(memory?.detail ?? "", /peak RSS 480 MB .*100,000 tiny posts built in 60\.00 s, peak RSS 900 MB/);
  assert.equal(ogp?.status, "not met");
  assert.equal(ogp?.detail, "200 cards drawn at 40.0 per second (≥ 50, 20.0 ms CPU a card); 0 drawn when nothing changed (0)");
  assert.equal(checkTargets(results, [], { ...cards, cardsPerSecond: 55 })[4]?.status, "met");
  assert.equal(checkTargets(results, [], { ...cards, cardsPerSecond: 55, drawnWhenUnchanged: 3 })[4]?.status, "not met");
});

test("benchmark verdicts: figures at another size are shown but decide nothing; a crash at 100,000 fails target 4", () => {
  const results = [result("kiji", "cold", 1_000, 500), result("eleventy", "cold", 1_000, 2_000), result("hexo", "cold", 1_000, 4_000), result("jekyll", "cold", 1_000, 6_000)];
  const [cold, , , memory] = checkTargets(results, [{ tool: "kiji", posts: 100_000, message: "cold: kiji exited with 134:\nFATAL ERROR: heap out of memory" }]);
  assert.equal(cold?.status, "not measured");
  assert.match(cold?.detail ?? "", /^not measured at 10,000 posts; at 1,000: kiji 500 ms ÷ Eleventy 2\.00 s = 0\.25/);
  assert.equal(memory?.status, "not met");
  assert.match(memory?.detail ?? "", /100,000 tiny posts failed: cold: kiji exited with 134:$/);
  assert.equal(checkTargets(results, [])[4]?.status, "not measured");
});

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Scenario } from "./bench-result.js";
import type { Competitor, CompetitorContext } from "./competitors/index.js";
import { measureProcess } from "./measure.js";
import { checkOutput, editPost, pickEditedPost } from "./run-kiji.js";
import type { ToolRunner } from "./run-rounds.js";

/** How to benchmark one competitor on one generated corpus. */
export interface CompetitorRunnerOptions {
  readonly competitor: Competitor;
  readonly context: CompetitorContext;
  /** kiji's generated site, the source of the posts. */
  readonly corpusDir: string;
  /** Where the competitor's own site is laid out. */
  readonly siteDir: string;
  readonly posts: number;
  readonly timeoutMs: number;
}

/**
 * Lays out the competitor's equivalent site; its runs are cold builds (output and caches removed
 * first) and rebuilds after one post is edited (output and caches kept), each in a fresh process
 * and checked: a page for every post, and the edit on the site.
 */
export function createCompetitorRunner(options: CompetitorRunnerOptions): ToolRunner {
  const { competitor, context, siteDir } = options;
  competitor.createSite(options.corpusDir, siteDir, context);
  const edited = pickEditedPost(siteDir, competitor.postsFolder);
  const original = readFileSync(edited, "utf8");
  let edits = 0;
  return {
    tool: competitor.name,
    scenarios: ["cold", "one-post-edit"] satisfies Scenario[],
    async run(scenario) {
      if (scenario === "cold") competitor.clean(siteDir);
      const edit = scenario === "one-post-edit" ? editPost(edited, original, ++edits) : undefined;
      const { command, args, env } = competitor.command(siteDir, context);
      const run = await measureProcess({ command, args, env, cwd: siteDir, timeoutMs: options.timeoutMs });
      checkOutput(competitor.label, path.join(siteDir, competitor.outputFolder), options.posts, edit);
      return run;
    },
    finish: () => writeFileSync(edited, original),
  };
}

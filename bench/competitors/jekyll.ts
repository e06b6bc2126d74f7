import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import path from "node:path";
import type { Competitor } from "./competitor.js";
import { copyPosts, removePaths } from "./competitor.js";

/** Debian's Jekyll. */
const JEKYLL = "/usr/bin/jekyll";

/** Jekyll 4.3 from Debian: kiji's corpus is a Jekyll site as it is (its layout is valid Liquid). */
export const jekyll: Competitor = {
  name: "jekyll",
  label: "Jekyll",
  async prepare() {
    const result = spawnSync(JEKYLL, ["--version"], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${JEKYLL} not found (apt-get install -y jekyll)`);
    return result.stdout.trim().replace(/^jekyll /, "");
  },
  createSite(corpusDir, siteDir) {
    copyPosts(corpusDir, siteDir, "_posts");
    for (const name of ["_config.yml", "_layouts"]) cpSync(path.join(corpusDir, name), path.join(siteDir, name), { recursive: true });
  },
  postsFolder: "_posts",
  outputFolder: "_site",
  clean: (siteDir) => removePaths(siteDir, ["_site", ".jekyll-cache", ".jekyll-metadata"]),
  command: () => ({ command: JEKYLL, args: ["build", "--quiet"] }),
};

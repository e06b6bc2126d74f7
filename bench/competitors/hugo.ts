import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Competitor } from "./competitor.js";
import { copyPosts, removePaths, writeFiles } from "./competitor.js";

// Post pages only, as the corpus gives kiji and Jekyll: no home, list, taxonomy, feed or sitemap pages.
const CONFIG = `baseURL = "https://bench.example/"
title = "Bench Blog"
timeZone = "Asia/Tokyo"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[permalinks]
  posts = "/:year/:month/:day/:filename/"
`;

// The corpus's layout, as a Go template.
const LAYOUT = `<!DOCTYPE html>
<html><head><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>
{{ .Content }}
</body></html>
`;

function hugoVersion(): string | undefined {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return result.status === 0 ? /v([\d.]+)/.exec(result.stdout)?.[1] : undefined;
}

/** Hugo from Debian (installed with apt-get when missing and running as root); its caches live in the site. */
export const hugo: Competitor = {
  name: "hugo",
  label: "Hugo",
  async prepare(context) {
    const found = hugoVersion();
    if (found) return found;
    if (process.getuid?.() !== 0) throw new Error("hugo is not installed (apt-get install -y hugo)");
    context.log("installing hugo with apt-get");
    spawnSync("apt-get", ["install", "-y", "hugo"], { stdio: "ignore" });
    const installed = hugoVersion();
    if (!installed) throw new Error("hugo is not installed and apt-get install -y hugo failed");
    return installed;
  },
  createSite(corpusDir, siteDir) {
    copyPosts(corpusDir, siteDir, "content/posts");
    writeFiles(siteDir, { "hugo.toml": CONFIG, "layouts/_default/single.html": LAYOUT });
  },
  postsFolder: "content/posts",
  outputFolder: "public",
  clean: (siteDir) => removePaths(siteDir, ["public", "resources", ".hugo-cache", ".hugo_build.lock"]),
  command: (siteDir) => ({ command: "hugo", args: ["--quiet"], env: { HUGO_CACHEDIR: path.join(siteDir, ".hugo-cache") } }),
};

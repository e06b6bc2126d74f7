import { symlinkSync } from "node:fs";
import path from "node:path";
import type { Competitor } from "./competitor.js";
import { copyPosts, removePaths, writeFiles } from "./competitor.js";
import { NODE_TOOLS, prepareNodeTool, toolPath } from "./node-tools.js";

// A hand-made minimal site (`hexo init` would clone a starter from the network): Hexo loads the
// plugins listed in the site's package.json from its node_modules, linked to the tools folder.
const PACKAGE = {
  name: "hexo-bench-site",
  private: true,
  hexo: { version: NODE_TOOLS.hexo },
  dependencies: { hexo: NODE_TOOLS.hexo, "hexo-renderer-ejs": NODE_TOOLS["hexo-renderer-ejs"], "hexo-renderer-marked": NODE_TOOLS["hexo-renderer-marked"] },
};

const CONFIG = `title: Bench Blog
url: https://bench.example
timezone: Asia/Tokyo
permalink: :year/:month/:day/:title/
new_post_name: :year-:month-:day-:title.md
theme: bench
`;

// The corpus's layout, in EJS (Hexo's default theme language).
const LAYOUT = `<!DOCTYPE html>
<html><head><title><%= page.title %></title></head>
<body><h1><%= page.title %></h1>
<%- page.content %>
</body></html>
`;

/** Hexo 8 with marked and EJS, no generators but the built-in post one; its cache is db.json. */
export const hexo: Competitor = {
  name: "hexo",
  label: "Hexo",
  prepare: (context) => prepareNodeTool("hexo", context),
  createSite(corpusDir, siteDir, context) {
    copyPosts(corpusDir, siteDir, "source/_posts");
    writeFiles(siteDir, { "package.json": `${JSON.stringify(PACKAGE, null, 2)}\n`, "_config.yml": CONFIG, "themes/bench/layout/post.ejs": LAYOUT });
    symlinkSync(path.join(context.toolsDir, "node_modules"), path.join(siteDir, "node_modules"), "dir");
  },
  postsFolder: "source/_posts",
  outputFolder: "public",
  clean: (siteDir) => removePaths(siteDir, ["public", "db.json"]),
  command: (_siteDir, context) => ({ command: process.execPath, args: [toolPath(context, "hexo-cli/bin/hexo"), "generate", "--silent"] }),
};

import type { Competitor } from "./competitor.js";
import { copyPosts, removePaths, writeFiles } from "./competitor.js";
import { prepareNodeTool, toolPath } from "./node-tools.js";

// Jekyll's "2020-01-01 08:00:00 +0900" is refused by Eleventy's date parser ("Data cascade value
// for `date` is invalid"); Eleventy 3's addDateParsing reads it as ISO 8601, front matter unchanged.
const CONFIG = `const JEKYLL_DATE = /^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d) ([+-]\\d\\d)(\\d\\d)$/;
export default function (eleventyConfig) {
  eleventyConfig.addDateParsing((value) => (typeof value === "string" && JEKYLL_DATE.test(value) ? new Date(value.replace(JEKYLL_DATE, "$1T$2$3:$4")) : undefined));
  return { dir: { input: ".", layouts: "_layouts", output: "_site" } };
}
`;

// The corpus's layout, in Liquid with Eleventy's variable names (front matter is top-level data).
const LAYOUT = `<!DOCTYPE html>
<html><head><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1>
{{ content }}
</body></html>
`;

/** Eleventy 3: the posts as they are, a Liquid layout; nothing is cached between builds. */
export const eleventy: Competitor = {
  name: "eleventy",
  label: "Eleventy",
  prepare: (context) => prepareNodeTool("@11ty/eleventy", context),
  createSite(corpusDir, siteDir) {
    copyPosts(corpusDir, siteDir, "_posts");
    writeFiles(siteDir, { "eleventy.config.mjs": CONFIG, "_layouts/post.liquid": LAYOUT });
  },
  postsFolder: "_posts",
  outputFolder: "_site",
  clean: (siteDir) => removePaths(siteDir, ["_site", ".cache"]),
  command: (_siteDir, context) => ({ command: process.execPath, args: [toolPath(context, "@11ty/eleventy/cmd.cjs"), "--quiet"] }),
};

import type { Competitor, CompetitorName } from "./competitor.js";
import { eleventy } from "./eleventy.js";
import { hexo } from "./hexo.js";
import { hugo } from "./hugo.js";
import { jekyll } from "./jekyll.js";

export type { BuildCommand, Competitor, CompetitorContext, CompetitorName } from "./competitor.js";

/** Every competitor, by name. */
export const COMPETITORS: Readonly<Record<CompetitorName, Competitor>> = { eleventy, hexo, jekyll, hugo };

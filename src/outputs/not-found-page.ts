import { escapeHtml, type SiteViews, type TemplateEngine, type UrlHelpers } from "../templates/index.js";
import type { OutputFile } from "./output-file.js";

/** What writing the 404 page needs. */
export interface NotFoundInput {
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  readonly urls: UrlHelpers;
  readonly lang: string;
}

const TEXTS = {
  ja: { title: "ページが見つかりません", body: "お探しのページは移動または削除された可能性があります。", home: "トップページへ戻る" },
  en: { title: "Page not found", body: "The page you are looking for may have moved or been deleted.", home: "Back to the home page" },
};

/**
 * 404.html for sites that have none (GitHub Pages and Netlify serve it for unknown URLs): the
 * `404` layout if there is one, else the `default` layout, else a small page of its own.
 */
export async function* notFoundOutputs(input: NotFoundInput): AsyncGenerator<OutputFile> {
  const text = input.lang.startsWith("ja") ? TEXTS.ja : TEXTS.en;
  const home = input.urls.relativeUrl("/")!;
  const content = `<h1>${text.title}</h1>\n<p>${text.body} <a href="${escapeHtml(home)}">${text.home}</a></p>\n`;
  const layout = ["404", "default"].find((name) => input.engine.hasLayout(name));
  const page = { title: text.title, url: "/404.html", permalink: "/404.html", sitemap: false, layout, content };
  const html = layout
    ? await input.engine.renderLayouts(layout, content, { site: input.views.site, page, paginator: undefined }, "404.html")
    : `<!DOCTYPE html>\n<html lang="${escapeHtml(input.lang)}">\n<meta charset="utf-8">\n<title>${text.title}</title>\n${content}</html>\n`;
  yield { path: "404.html", contents: html };
}

import type { ResolvedConfig } from "../config/index.js";
import type { Archive, Page, SiteContent } from "../content/index.js";
import { readToken, type BodySource, type DocumentView, type SiteViews, type TemplateEngine } from "../templates/index.js";
import { reusablePage, type PageReuse } from "./document-pages.js";
import type { OutputFile } from "./output-file.js";
import { archivePagePath, homePagePath, paginate, paginationTemplate, type PagerPage } from "./pagination.js";

/** The page jekyll-paginate renders once per page of posts, when there is one and there are posts. */
export function paginatedPage(content: SiteContent, config: ResolvedConfig): Page | undefined {
  if (!config.pagination || !content.posts.some((post) => post.data.hidden !== true)) return undefined;
  return paginationTemplate(content.pages, config.pagination);
}

/** The paginated home page: its template page and one pager page per `paginate` posts. */
export interface HomePages {
  readonly template: Page;
  readonly pages: readonly PagerPage[];
}

/** The pages of the paginated home page (page 1 included): posts newest first, `hidden` ones left out. */
export function homePages(content: SiteContent, config: ResolvedConfig, views: SiteViews): HomePages | undefined {
  const template = paginatedPage(content, config);
  if (!template || !config.pagination) return undefined;
  const settings = config.pagination;
  const posts = (views.site.posts as DocumentView[]).filter((post) => post.hidden !== true);
  return { template, pages: paginate(posts, settings.perPage, template.url, (n) => homePagePath(settings, n)) };
}

/** An archive's pages: one, or one per `paginate` posts when archives are paginated. */
export function archivePages(archive: Archive, view: DocumentView, config: ResolvedConfig): PagerPage[] {
  const settings = config.pagination;
  if (!settings || !config.archives.paginate) return [{ url: archive.url, outputPath: archive.outputPath, paginator: undefined }];
  return paginate(view.posts as DocumentView[], settings.perPage, archive.url, (n) => archivePagePath(settings, archive.url, n));
}

/** What rendering list pages needs. */
export interface ListPagesInput {
  readonly config: ResolvedConfig;
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  /** The paginated page's source, rendered again for each page. */
  readonly bodyOf: (page: Page) => BodySource;
  /** Keeps unchanged pages (see PageReuse). */
  readonly reuse?: PageReuse;
}

/** The paginated home page: the template page's body and layouts rendered once per page, each with its `paginator`. */
export async function* homeOutputs(input: ListPagesInput, home: HomePages | undefined): AsyncGenerator<OutputFile> {
  if (!home) return;
  const { template, pages } = home;
  const templateView = input.views.pages.get(template)!;
  for (const pager of pages) {
    const render = async (): Promise<string> => {
      const page: DocumentView = pager.url === template.url ? { ...templateView } : { ...templateView, url: pager.url, dir: pager.url };
      const context = { site: input.views.site, page, paginator: pager.paginator };
      page.content = template.renderWithLiquid ? await input.engine.renderBody(input.bodyOf(template), context) : template.body;
      return template.layout === undefined ? String(page.content) : input.engine.renderLayouts(template.layout, String(page.content), context, template.relativePath);
    };
    // A pager's posts are a slice of site.posts.
    yield await reusablePage(input.reuse, pager.outputPath, render, [readToken("site", "posts")]);
  }
}

/** Tag, category and date archives through their layouts, with `page.posts` and (when paginated) `paginator`. */
export async function* archiveOutputs(input: ListPagesInput): AsyncGenerator<OutputFile> {
  for (const archive of input.content.archives) {
    const view = input.views.archives.get(archive)!;
    for (const pager of archivePages(archive, view, input.config)) {
      const page = pager.url === archive.url ? view : { ...view, url: pager.url };
      const context = { site: input.views.site, page, paginator: pager.paginator };
      const render = (): Promise<string> => input.engine.renderLayouts(archive.layout, "", context, `the ${archive.type} archive ${archive.url}`);
      yield await reusablePage(input.reuse, pager.outputPath, render, [readToken("archive", archive.url)]);
    }
  }
}

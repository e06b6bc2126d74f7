import type { ResolvedPagination } from "../config/index.js";
import { escapePath, outputPathFor, type Page } from "../content/index.js";
import type { DocumentView } from "../templates/index.js";

/** What templates see as `paginator` (jekyll-paginate's fields). */
export type PaginatorView = Record<string, unknown>;

/** One page of a paginated list: where it goes and its `paginator`. */
export interface PagerPage {
  /** %-encoded URL without baseurl, e.g. `/page2/`. */
  readonly url: string;
  readonly outputPath: string;
  /** Undefined for a list that is not paginated. */
  readonly paginator: PaginatorView | undefined;
}

/**
 * Splits `posts` into pages as jekyll-paginate's Pager does: page 1 at `firstUrl`, page n at
 * `pathOf(n)`; `previous_page_path`/`next_page_path` are those paths. No posts, no pages.
 */
export function paginate(posts: readonly DocumentView[], perPage: number, firstUrl: string, pathOf: (n: number) => string): PagerPage[] {
  const total = Math.ceil(posts.length / perPage);
  const path = (n: number | null): string | null => (n === null ? null : n <= 1 ? firstUrl : pathOf(n));
  return Array.from({ length: total }, (_, i) => {
    const page = i + 1;
    const previous = page === 1 ? null : page - 1;
    const next = page === total ? null : page + 1;
    const url = page === 1 ? firstUrl : pageUrl(pathOf(page));
    return {
      url,
      outputPath: outputPathFor(url, ".html", "page"),
      paginator: {
        page,
        per_page: perPage,
        posts: posts.slice(i * perPage, page * perPage),
        total_posts: posts.length,
        total_pages: total,
        previous_page: previous,
        previous_page_path: path(previous),
        next_page: next,
        next_page_path: path(next),
      },
    };
  });
}

/** The URL of a page whose path is `path`: Jekyll writes pages 2, 3 … as folders (`/page2` → `/page2/`). */
function pageUrl(path: string): string {
  const escaped = escapePath(path);
  return escaped.endsWith("/") || /\.html?$/.test(escaped) ? escaped : `${escaped}/`;
}

/** jekyll-paginate's `paginate_path` for page n: `:num` filled in, leading slash ensured. */
export function homePagePath(settings: ResolvedPagination, n: number): string {
  const path = settings.path.replace(":num", String(n));
  return path.startsWith("/") ? path : `/${path}`;
}

/** Page n of an archive: the archive URL plus the last segment of `paginate_path` (`/tags/ai/page2/`). */
export function archivePagePath(settings: ResolvedPagination, archiveUrl: string, n: number): string {
  const segment = settings.path.split("/").find((part) => part.includes(":num")) ?? "page:num";
  return `${archiveUrl.endsWith("/") ? archiveUrl : `${archiveUrl}/`}${escapePath(segment.replace(":num", String(n)))}/`;
}

/**
 * jekyll-paginate's template page: an `index.html` in the folder of `paginate_path` or above it,
 * the deepest one winning.
 */
export function paginationTemplate(pages: readonly Page[], settings: ResolvedPagination): Page | undefined {
  const dir = settings.path.replace(/^\/+|\/+$/g, "").split("/").slice(0, -1).join("/");
  const candidates = pages.filter((page) => {
    if (!/(^|\/)index\.html$/.test(page.relativePath)) return false;
    const pageDir = page.relativePath.slice(0, -"index.html".length).replace(/\/$/, "");
    return pageDir === "" || dir === pageDir || dir.startsWith(`${pageDir}/`);
  });
  return candidates.sort((a, b) => b.relativePath.length - a.relativePath.length)[0];
}

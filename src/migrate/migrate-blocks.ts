import { promises as fs } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { loadSite, type LoadSiteOptions } from "../build/index.js";
import { findOutput, resolveLink } from "../check/index.js";
import { KijiError } from "../shared/index.js";
import { appendBooks, CATALOGUE, readBookCatalogue } from "./book-catalogue.js";
import { uncommittedFiles } from "./git-state.js";
import { migratePost, type PostMigration } from "./migrate-post.js";
import type { PastedBook } from "./pasted-blocks.js";

/** How to run `kiji migrate blocks`. */
export interface MigrateOptions extends LoadSiteOptions {
  /** Print the diff, write nothing. */
  readonly dryRun?: boolean;
  /** Also remove paragraphs that repeat earlier ones word for word. */
  readonly dedupe?: boolean;
  /** Write even files with uncommitted changes (or outside git). */
  readonly force?: boolean;
}

/** What a migration did (or, on a dry run, would do). */
export interface MigrationReport {
  /** Every post that has something to migrate or list. */
  readonly posts: readonly PostMigration[];
  /** Books added to `_data/books.yml`. */
  readonly newBooks: readonly PastedBook[];
  /** Files changed (or that would change), relative to the source. */
  readonly changedFiles: readonly string[];
  /** A unified diff of every change. */
  readonly diff: string;
  readonly dryRun: boolean;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.kiji-tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

function isWorthListing(post: PostMigration): boolean {
  return post.before !== post.after || post.repeats.length > 0 || post.deadRelated.length > 0;
}

/**
 * Moves what the old pipeline pasted into posts into front matter, so kiji's generated blocks take
 * over (see migratePost), adds unknown books to `_data/books.yml`, and writes the files — unless
 * `dryRun`. Refuses files with uncommitted changes unless `force`.
 */
export async function migrateBlocks(options: MigrateOptions): Promise<MigrationReport> {
  const site = await loadSite(options);
  const postsByOutput = new Map(site.content.posts.map((post) => [post.outputPath.normalize("NFC"), post.url]));
  const outputs = new Set([...postsByOutput.keys()]);
  const posts = site.content.posts.map((post) =>
    migratePost({
      document: site.documents.get(post.relativePath)!,
      postUrlOf: (link) => {
        const target = resolveLink(link.href, post.url, site.config);
        const output = target.kind === "internal" ? findOutput(target.path, outputs) : undefined;
        return output === undefined ? undefined : postsByOutput.get(output);
      },
      disclosure: site.config.affiliate.disclosure,
      dedupe: options.dedupe ?? false,
    }),
  );
  const changes = new Map(posts.filter((post) => post.before !== post.after).map((post) => [post.file, { before: post.before, after: post.after }]));
  const catalogue = readBookCatalogue(site.config.source);
  const newBooks = [...new Map(posts.flatMap((post) => post.books).filter((book) => !catalogue.asins.has(book.asin)).map((book) => [book.asin, book])).values()];
  if (newBooks.length > 0) changes.set(CATALOGUE, { before: catalogue.text ?? "", after: appendBooks(catalogue, newBooks) });
  const diff = [...changes].map(([file, { before, after }]) => createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, "", "", { context: 3 })).join("");
  if (!options.dryRun && changes.size > 0) {
    if (!options.force) {
      const dirty = uncommittedFiles(site.config.source, [...changes.keys()]);
      if (dirty.length > 0) {
        throw new KijiError(`refusing to migrate files with uncommitted changes: ${dirty.join(", ")}`, {
          hint: "Commit or stash them first, so the original text stays recoverable from git, or pass --force.",
        });
      }
    }
    for (const [file, { after }] of changes) await writeAtomically(path.join(site.config.source, file), after);
  }
  return { posts: posts.filter(isWorthListing), newBooks, changedFiles: [...changes.keys()], diff, dryRun: options.dryRun ?? false };
}

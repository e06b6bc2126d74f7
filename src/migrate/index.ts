/** `kiji migrate blocks`: what the old writing pipeline pasted into posts, moved into front matter. */
export { migrateBlocks } from "./migrate-blocks.js";
export type { MigrateOptions, MigrationReport } from "./migrate-blocks.js";
export { migratePost } from "./migrate-post.js";
export type { PostMigration, PostMigrationInput, RemovedText, TailReport, TextAt } from "./migrate-post.js";
export { cleanTail } from "./clean-tail.js";
export type { RemovedBlock, TailCleanup } from "./clean-tail.js";
export { findPastedBlocks } from "./pasted-blocks.js";
export type { PastedBlocks, PastedBook } from "./pasted-blocks.js";
export { formatMigrationText, formatMigrationJson } from "./format-migration.js";

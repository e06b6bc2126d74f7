/** What is on disk: scan the source with Jekyll's rules, read files, split front matter. */
export { scanSource } from "./scan-source.js";
export { readSourceDocument, readSourceText, readSourceBytes, readSourceLater, lazySourceDocument, decodeUtf8, MAX_DOCUMENT_BYTES } from "./read-source.js";
export type { SourceBytes } from "./read-source.js";
export { parseFrontMatter, hasFrontMatter, normalizeText } from "./front-matter.js";
export type { FrontMatterResult } from "./front-matter.js";
export { createEntryFilter, compilePatterns } from "./entry-filter.js";
export type { EntryFilter, PatternList } from "./entry-filter.js";
export type { SourceEntry, SourceKind, SourceTree, SourceDocument } from "./source-file.js";
export { encodeData, decodeData } from "./encode-data.js";

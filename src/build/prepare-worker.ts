import { createTokenizer } from "../features/index.js";
import { createMarkdownRenderer, type MarkdownOptions } from "../markdown/index.js";
import { prepareDocument, type Converter, type PrepareResult, type PrepareTask } from "./prepare-document.js";

/** One batch sent to a worker thread. */
export interface PrepareBatch {
  readonly tasks: readonly PrepareTask[];
  readonly markdownOptions: MarkdownOptions;
  readonly rendererKey: string;
}

// One renderer and tokenizer per worker thread, built on the first batch and reused for the rest of the build.
let converter: Converter | undefined;

/** Worker entry point (piscina): prepares a batch of documents. */
export default function prepareBatch(batch: PrepareBatch): PrepareResult[] {
  if (converter?.rendererKey !== batch.rendererKey) {
    converter = { renderer: createMarkdownRenderer(batch.markdownOptions), tokenizer: createTokenizer(), rendererKey: batch.rendererKey };
  }
  const current = converter;
  return batch.tasks.map((task) => prepareDocument(task, current));
}

import { createMarkdownRenderer, type MarkdownOptions } from "../markdown/index.js";
import { prepareDocument, type PrepareResult, type PrepareTask } from "./prepare-document.js";

/** One batch sent to a worker thread. */
export interface PrepareBatch {
  readonly tasks: readonly PrepareTask[];
  readonly markdownOptions: MarkdownOptions;
  readonly rendererKey: string;
}

// One renderer per worker thread, built on the first batch and reused for the rest of the build.
let renderer: { key: string; render: ReturnType<typeof createMarkdownRenderer> } | undefined;

/** Worker entry point (piscina): prepares a batch of documents. */
export default function prepareBatch(batch: PrepareBatch): PrepareResult[] {
  if (renderer?.key !== batch.rendererKey) {
    renderer = { key: batch.rendererKey, render: createMarkdownRenderer(batch.markdownOptions) };
  }
  const current = renderer.render;
  return batch.tasks.map((task) => prepareDocument(task, current, batch.rendererKey));
}

import { countOutputs, planOutputs, siteOutputs, type SiteOutputsInput } from "../outputs/index.js";
import { KijiError, createYielder } from "../shared/index.js";
import { createMemoryWriter, createOutputWriter, type MemorySite, type WriteSummary } from "../write/index.js";
import type { RenderReads } from "../templates/index.js";
import type { BuildCache } from "./build-cache.js";
import { createPageReuse } from "./page-reuse.js";



/** What writing the site needs. */
export interface WriteSiteInput {
  /** Everything the output kinds draw on. */
  readonly outputs: SiteOutputsInput;
  readonly cache: BuildCache;
  readonly memory?: MemorySite;
  /** The destination's files, listed ahead (see listDestinationAhead). */
  readonly listing?: Promise<string[] | undefined>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Records a stage's time. */
  readonly mark: (stage: string) => void;
  /** Keeps unchanged pages unrendered (disk builds): the site key, the stamp of each read value, the recorder. */
  readonly reuse?: { readonly siteKey: string; readonly stamp: (token: string) => string; readonly reads: RenderReads };
}

/**
 * Renders every output kind file by file into a writer (disk or memory) and commits it; on any
 * error or abort the writer is thrown away and the destination stays as it was.
 */
export async function writeSite(input: WriteSiteInput): Promise<WriteSummary> {
  const { cache } = input;
  const { config } = input.outputs;
  const plan = planOutputs(input.outputs);
  const total = countOutputs(input.outputs, plan);
  const writer = input.memory
    ? createMemoryWriter(input.memory)
    : await createOutputWriter({ destination: config.destination, keepFiles: config.keepFiles, previous: cache.outputs, listing: input.listing });
  let done = 0;
  const yieldOften = createYielder();
  const { reuse } = input;
  const pages = reuse && !input.memory ? createPageReuse(writer, reuse.siteKey, reuse.stamp, reuse.reads) : undefined;
  try {
    for (const output of siteOutputs(input.outputs, plan, pages)) {
      for await (const file of output) {
        if (input.signal?.aborted) throw new KijiError("build interrupted; the previous site was left untouched");
        await writer.write(file);
        input.onProgress?.(++done, total);
        // Rendering into memory never waits for I/O: let the dev server answer requests and file events meanwhile.
        await yieldOften();
      }
    }
    input.mark("render+write");
    const summary = await writer.commit();
    if (!input.memory) cache.outputs = summary.manifest;
    input.mark("commit");
    return summary;
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

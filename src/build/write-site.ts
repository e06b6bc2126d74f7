import type { ResolvedConfig } from "../config/index.js";
import type { SiteContent } from "../content/index.js";
import type { OgImagePlan } from "../features/index.js";
import { countOutputs, siteOutputs, type ImageCache } from "../outputs/index.js";
import { KijiError, type Logger } from "../shared/index.js";
import type { SiteViews, TemplateEngine } from "../templates/index.js";
import { createMemoryWriter, createOutputWriter, type MemorySite, type WriteSummary } from "../write/index.js";
import type { BuildCache } from "./build-cache.js";

/** What writing the site needs. */
export interface WriteSiteInput {
  readonly config: ResolvedConfig;
  readonly content: SiteContent;
  readonly views: SiteViews;
  readonly engine: TemplateEngine;
  readonly cache: BuildCache;
  readonly ogImages: OgImagePlan;
  readonly imageCache: ImageCache;
  readonly logger: Logger;
  readonly memory?: MemorySite;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Records a stage's time. */
  readonly mark: (stage: string) => void;
}

/**
 * Renders every output kind file by file into a writer (disk or memory) and commits it; on any
 * error or abort the writer is thrown away and the destination stays as it was.
 */
export async function writeSite(input: WriteSiteInput): Promise<WriteSummary> {
  const { config, cache } = input;
  const writer = input.memory
    ? createMemoryWriter(input.memory)
    : await createOutputWriter({ destination: config.destination, keepFiles: config.keepFiles, previous: cache.outputs });
  const outputInput = { config, content: input.content, views: input.views, engine: input.engine, ogImages: input.ogImages, imageCache: input.imageCache, logger: input.logger };
  const total = countOutputs(outputInput);
  let done = 0;
  try {
    for (const output of siteOutputs(outputInput)) {
      for await (const file of output) {
        if (input.signal?.aborted) throw new KijiError("build interrupted; the previous site was left untouched");
        await writer.write(file);
        input.onProgress?.(++done, total);
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

/** Writes OutputFiles: staged beside the destination, swapped in only when the whole build succeeded. */
export { createOutputWriter } from "./output-writer.js";
export { listDestinationAhead } from "./list-files.js";
export type { OutputWriter, OutputWriterOptions, WriteSummary, WrittenFile } from "./output-writer.js";
export { createMemoryWriter } from "./memory-output.js";
export type { MemorySite } from "./memory-output.js";

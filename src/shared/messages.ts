/**
 * Every user-facing error text of kiji, in one catalogue, so wording stays consistent.
 * Each entry says what happened; `hint` says what to do.
 */
export interface Message {
  readonly message: string;
  readonly hint?: string;
}

export const messages = {
  frontMatterUnclosed: (): Message => ({
    message: "front matter opened with '---' on line 1 is never closed",
    hint: "Add a line containing only '---' after the last front-matter key.",
  }),
  frontMatterLanguage: (language: string): Message => ({
    message: `front matter of type '${language}' is not allowed`,
    hint: "kiji reads YAML front matter only and never runs code found in content; start the file with a plain '---' line.",
  }),
  frontMatterNotMapping: (kind: string): Message => ({
    message: `front matter must be a set of 'key: value' lines, but this one is a ${kind}`,
  }),
  yamlSyntax: (detail: string): Message => ({
    message: `invalid YAML: ${detail}`,
    hint: "Quote values that contain ':' or start with a special character such as '[', '{', '*', '&' or '@'.",
  }),
  invalidDate: (value: string, why: string): Message => ({
    message: `invalid date '${value}': ${why}`,
    hint: "Write dates as YYYY-MM-DD HH:MM:SS +0900 (time and offset optional).",
  }),
  invalidUtf8: (): Message => ({
    message: "file is not valid UTF-8 text",
    hint: "Save the file as UTF-8, or move binary files out of _posts/.",
  }),
  documentTooLarge: (bytes: number, limit: number): Message => ({
    message: `file is ${(bytes / 1048576).toFixed(1)} MB; kiji renders documents of up to ${limit / 1048576} MB`,
    hint: "Split it into several posts, or move large data into _data/ or a static file.",
  }),
  postFileName: (name: string): Message => ({
    message: `skipped '${name}': post file names must look like YYYY-MM-DD-title.md (or .markdown, .html)`,
  }),
  duplicateOutput: (url: string, first: string, second: string): Message => ({
    message: `'${first}' and '${second}' both write ${url}`,
    hint: "Give one of them a different permalink, slug or date.",
  }),
  permalinkEscapes: (url: string): Message => ({
    message: `permalink '${url}' would write outside the destination folder`,
    hint: "Remove '..' segments from the permalink.",
  }),
  permalinkPlaceholder: (name: string, template: string): Message => ({
    message: `permalink '${template}' uses ':${name}', which kiji does not know`,
    hint: "See the README's permalink table for the placeholders Jekyll supports.",
  }),
  layoutMissing: (name: string, known: readonly string[]): Message => ({
    message: `layout '${name}' does not exist`,
    hint: known.length > 0 ? `Layouts found in _layouts/: ${known.join(", ")}.` : "Create it in _layouts/.",
  }),
  layoutCycle: (chain: readonly string[]): Message => ({
    message: `layouts include each other in a loop: ${chain.join(" → ")}`,
  }),
  templateError: (detail: string): Message => ({ message: `template error: ${detail}` }),
  configUnknownKey: (key: string, suggestion?: string): Message => ({
    message: `unknown config key '${key}'`,
    hint: suggestion
      ? `Did you mean '${suggestion}'?`
      : "Put your own site variables under 'site' in site.config.ts (they appear as site.<name>).",
  }),
  configWrongType: (key: string, detail: string): Message => ({
    message: `config key '${key}' ${detail}`,
  }),
  configMissing: (file: string): Message => ({
    message: `config file '${file}' does not exist`,
  }),
  timezoneUnknown: (zone: string): Message => ({
    message: `unknown timezone '${zone}'`,
    hint: "Use an IANA zone name such as Asia/Tokyo or UTC.",
  }),
  symlinkOutside: (target: string): Message => ({
    message: `symbolic link points outside the site source (to ${target})`,
    hint: "Copy the file into the site instead of linking to it.",
  }),
  dataFile: (detail: string): Message => ({ message: `cannot read data file: ${detail}` }),
  destinationInsideSource: (): Message => ({
    message: "the destination folder is the source folder itself",
    hint: "Choose another destination, such as _site.",
  }),
} as const;

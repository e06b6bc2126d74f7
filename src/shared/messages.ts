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
  fileChangedDuringBuild: (): Message => ({
    message: "cannot read file: it changed while the build was running",
    hint: "Run the build again.",
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
  ogpImageMissing: (path: string): Message => ({
    message: `image '${path}' does not exist in the source and is not a .png path, so kiji draws the post's OGP card at ogp.path instead`,
    hint: "Add the image, or name a .png path for kiji to draw the card at.",
  }),
  ogpMissingGlyph: (character: string, field: string, font: string): Message => ({
    message: `the ${field} has '${character}' (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}), which the card font ${font} does not have; the OGP card shows a box in its place`,
    hint: "Replace the character, or give the post an image of its own with 'image:'.",
  }),
  ogpLogoMissing: (path: string): Message => ({
    message: `ogp.logo '${path}' does not exist`,
    hint: "Give the logo's path relative to the site folder, e.g. 'assets/logo.png'.",
  }),
  ogpNotAnImage: (path: string, detail: string): Message => ({
    message: `image '${path}' is not an image kiji can read (${detail})`,
    hint: "Use a PNG, JPEG, WebP, GIF or SVG file.",
  }),
  ogpImageTooLarge: (path: string, pixels: number, limit: number): Message => ({
    message: `image '${path}' has ${pixels.toLocaleString("en-US")} pixels, more than the ${limit.toLocaleString("en-US")} kiji reads (a decompression bomb?)`,
    hint: "Scale the image down; an OGP image needs 1200×630.",
  }),
  relatedPinMissing: (pin: string, file: string): Message => ({
    message: `'${file}' pins related post '${pin}', which does not exist`,
    hint: "Pin a published post by URL (/2026/02/19/slug/), file name (2026-02-19-slug.md) or slug; drafts, future and unpublished posts cannot be pinned.",
  }),
  relatedPinAmbiguous: (pin: string, files: readonly string[]): Message => ({
    message: `related post '${pin}' could be any of ${files.join(", ")}`,
    hint: "Pin it by URL or file name instead of slug.",
  }),
  relatedPinSelf: (pin: string): Message => ({
    message: `a post cannot pin itself as a related post ('${pin}')`,
  }),
  frontMatterListOrFalse: (key: string): Message => ({
    message: `front matter '${key}' must be a list or false`,
    hint: `Write ${key}: [a, b] or ${key}: false.`,
  }),
  bookUnknown: (asin: string, catalogue: string): Message => ({
    message: `book '${asin}' is not in ${catalogue}`,
    hint: `Add it to ${catalogue} (asin, title, description, tags), or remove it from 'books:'.`,
  }),
  isbnChecksum: (asin: string): Message => ({
    message: `'${asin}' is not a valid ISBN-10: its check digit does not match`,
    hint: "Copy the ISBN-10 or ASIN again from the book's page; a typo in one digit breaks the check digit.",
  }),
  asinInvalid: (asin: string): Message => ({
    message: `'${asin}' is not an ASIN or ISBN-10 (10 letters and digits)`,
  }),
  bookEntryInvalid: (position: number, detail: string): Message => ({
    message: `book ${position} ${detail}`,
    hint: "Each book needs an 'asin' and a 'title'; 'tags' and 'categories' are lists.",
  }),
  destinationInsideSource: (): Message => ({
    message: "the destination folder is the source folder itself",
    hint: "Choose another destination, such as _site.",
  }),
  // kiji check: one entry per rule finding.
  deadLink: (href: string, isImage: boolean): Message => ({
    message: `${isImage ? "image" : "link"} '${href}' points at no page or file of the site`,
    hint: "Fix the URL, or link to a post that exists; `kiji migrate blocks` moves pasted related lists into `related:`.",
  }),
  missingAnchor: (href: string, known: readonly string[]): Message => ({
    message: `link '${href}' names an anchor its page does not have`,
    hint: known.length > 0 ? `Headings there have the ids: ${known.slice(0, 5).join(", ")}${known.length > 5 ? ", …" : ""}.` : "That page has no headings.",
  }),
  contentAfterEnd: (lines: number, percent: number, isRepeat: boolean): Message => ({
    message: `${lines} lines follow the writing pipeline's '---END---' marker; ${percent}% of that text repeats earlier text`,
    hint: isRepeat
      ? "Readers see the marker and a repeated tail; `kiji migrate blocks` removes it."
      : "The text after the marker is mostly new: delete the marker lines (`kiji migrate blocks` does) and read the joins.",
  }),
  endMarker: (): Message => ({
    message: "the writing pipeline's '---END---' marker is shown on the page",
    hint: "Delete the line.",
  }),
  repeatedParagraphs: (count: number, firstLine: number): Message => ({
    message: `${count === 1 ? "this paragraph repeats" : `${count} paragraphs from here repeat`} earlier text word for word (first at line ${firstLine})`,
    hint: "Delete the copy; `kiji migrate blocks --dedupe` does it.",
  }),
  repeatedHeadings: (titles: readonly string[], firstLine: number): Message => ({
    message: `the headings ${titles.map((t) => `'${t}'`).join(", ")} repeat, in the same order, those from line ${firstLine}`,
  }),
  accidentalHeading: (underline: number): Message => ({
    message: `this paragraph is shown as a heading because of the '---' line right below it (line ${underline})`,
    hint: "Put a blank line before the '---' to make it a horizontal rule.",
  }),
  missingTitle: (): Message => ({ message: "the post has no title", hint: "Add `title: \"…\"` to the front matter." }),
  missingDate: (): Message => ({
    message: "the post has no date in its front matter; the file name's day at 00:00 is used",
    hint: "Add `date: YYYY-MM-DD HH:MM:SS +0900`, so posts of one day keep their order.",
  }),
  longExcerpt: (length: number, limit: number): Message => ({
    message: `the excerpt is ${length} characters long; search results and social cards show about ${limit}`,
    hint: "Shorten it, or raise check.excerpt_max_length in site.config.ts.",
  }),
  emptyExcerpt: (): Message => ({ message: "the excerpt is empty", hint: "Write one or two sentences: they are the page's description." }),
  unknownCategory: (category: string, known: readonly string[]): Message => ({
    message: `category '${category}' is not one of the site's categories, so it would make a new archive page`,
    hint: `Categories in check.categories: ${known.join(", ")}.`,
  }),
  tagVariant: (tag: string, usual: string, counts: string): Message => ({
    message: `tag '${tag}' differs from '${usual}' only by case or width (${counts})`,
    hint: `Write '${usual}', so both end up on one tag page.`,
  }),
  missingImage: (image: string): Message => ({
    message: `image '${image}' neither exists in the source nor is generated by the build`,
    hint: "Add the file, fix the path, or remove `image` to use the default.",
  }),
  duplicateTitle: (other: string): Message => ({ message: `the same title as ${other}` }),
  nearDuplicate: (other: string, percent: number): Message => ({
    message: `the text is ${percent}% the same as ${other}: the same topic posted twice?`,
    hint: "Merge the two posts, or raise check.near_duplicate_similarity.",
  }),
  affiliateTag: (href: string, tag: string, found?: string): Message => ({
    message: found ? `affiliate link '${href}' carries tag '${found}' instead of '${tag}'` : `affiliate link '${href}' has no associate tag`,
    hint: `Add ?tag=${tag} to the link.`,
  }),
  affiliateRel: (href: string): Message => ({
    message: `affiliate link '${href}' has no rel="sponsored"`,
    hint: 'Add {: rel="sponsored"} right after the Markdown link, or rel="sponsored" to the <a> tag.',
  }),
  affiliateDisclosure: (): Message => ({
    message: "the page has affiliate links but shows no affiliate disclosure",
    hint: "Japan's 2023 rules on undisclosed advertising require it: add affiliate.disclosure's sentence, or show it from the layout.",
  }),
  servePortInUse: (host: string, port: number): Message => ({
    message: `cannot serve on ${host}:${port}: the port is already in use`,
    hint: "Stop the other server, or choose another port with --port (for example --port 4001).",
  }),
  serveListenFailed: (host: string, port: number, detail: string): Message => ({
    message: `cannot serve on ${host}:${port}: ${detail}`,
    hint: "Check the --host and --port values.",
  }),
  serveHostExposed: (host: string): Message => ({
    message: `--host ${host} makes the development server reachable from other machines`,
    hint: "It is meant for your own machine: it runs no access control. Leave out --host to serve on 127.0.0.1 only.",
  }),
  serveHostRejected: (host: string): Message => ({
    message: `refused a request for host '${host}'`,
    hint: "The development server answers only to localhost, IP addresses and the name given with --host (this blocks DNS rebinding).",
  }),
} as const;

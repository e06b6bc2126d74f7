import { lexShell } from "./rouge-shell.js";

// Brings highlight.js's tokens closer to what Rouge 3.30 (Jekyll's highlighter) prints, with
// cheap rules read off Rouge's lexers (lib/rouge/lexers/*.rb): number, string and comment
// subtypes, identifiers classified by Rouge's own word lists, punctuation and operators in text
// highlight.js leaves plain, and adjacent tokens of one type merged (Rouge's Lexer#lex does that).

/** One highlighted piece of code: a Rouge class (undefined for plain text) and its text. */
export interface Token {
  cls: string | undefined;
  text: string;
}

type WordClassifier = (word: string, after: string) => string | undefined;

interface Dialect {
  /** Class of an identifier (plain, or one highlight.js marked with a class in `reclassify`). */
  readonly word?: WordClassifier;
  readonly reclassify?: ReadonlySet<string>;
  /** Split plain text into punctuation (`p`), operators (`o`) and identifiers. */
  readonly isCode?: boolean;
  /** `"…"` is `s2`, `'…'` is `s1`; with `delimiters`, the quotes are `dl` tokens and escapes `se`. */
  readonly quotes?: boolean;
  readonly delimiters?: boolean;
  /** `@x`, `@@x` and `$x` variables are `vi`, `vc` and `vg` (Ruby). */
  readonly sigils?: boolean;
  /** Class of the `#{`/`${` and `}` around interpolated code. */
  readonly interpolation?: string;
  /** Classes of tokens that take the line ending after them (Rouge matches `.*\n`). */
  readonly takesNewline?: ReadonlySet<string>;
  /** Class of white space between tokens (`w` in JSON). */
  readonly whitespace?: string;
  /** Class highlight.js's `attr` becomes (`nl` for JSON keys). */
  readonly attribute?: string;
  /** YAML as Rouge's yaml.rb prints it (see yamlTokens). */
  readonly isYaml?: boolean;
  /** A bare `&` is an error token, entities are `ni`, tags and attributes split as Rouge's (HTML). */
  readonly isMarkup?: boolean;
  /** Lexes the whole text itself (line-based languages such as diff). */
  readonly lex?: (code: string) => Token[];
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/));

// javascript.rb: every identifier is classified by these lists alone.
const JS_KEYWORDS = words("as async await break case catch continue debugger default delete do else export finally from for if import in instanceof new of return super switch this throw try typeof void while yield");
const JS_DECLARATIONS = words("var let const with function class extends constructor get set static");
const JS_RESERVED = words("enum implements interface package private protected public");
const JS_CONSTANTS = words("true false null NaN Infinity undefined");
const JS_BUILTINS = words(
  "Array Boolean Date Error Function Math netscape Number Object Packages RegExp String sun decodeURI decodeURIComponent encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt document window navigator self global Promise Set Map WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray Float32Array Float64Array DataView ArrayBuffer",
);
const jsWord: WordClassifier = (word) =>
  JS_KEYWORDS.has(word) ? "k" : JS_DECLARATIONS.has(word) ? "kd" : JS_RESERVED.has(word) ? "kr" : JS_CONSTANTS.has(word) ? "kc" : JS_BUILTINS.has(word) ? "nb" : "nx";

// python.rb: keywords (`def` and `class` have rules of their own), operator words, namespaces,
// pseudo-builtins and builtins, else a plain name; module names after import/from.
const PYTHON_KEYWORDS = words("assert break continue del elif else except exec finally for global if lambda pass print raise return try while yield as with async await nonlocal def class");
const PYTHON_OPERATOR_WORDS = words("and or not in is");
const PYTHON_PSEUDO = words("self None Ellipsis NotImplemented False True");
const PYTHON_BUILTINS = words(
  "__import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit file filter float format frozenset getattr globals hasattr hash hex id input int intern isinstance issubclass iter len list locals long map max memoryview min next object oct open ord pow property range raw_input reduce reload repr reversed round set setattr slice sorted staticmethod str sum super tuple type unichr unicode vars xrange zip",
);
const pythonWord: WordClassifier = (word, after) => {
  if (word === "import" || word === "from") return "kn";
  if (/\b(?:import|from)\s+$/.test(after)) return "nn";
  if (PYTHON_OPERATOR_WORDS.has(word)) return "ow";
  if (PYTHON_KEYWORDS.has(word)) return "k";
  return PYTHON_PSEUDO.has(word) ? "bp" : PYTHON_BUILTINS.has(word) ? "nb" : "n";
};

// ruby.rb: method names after `.`/`::`, names after def/class/module, constants, keywords,
// pseudo-keywords and builtins_g (not after a `.`), else a plain name.
const RUBY_KEYWORDS = words("BEGIN END alias begin break case defined? do else elsif end ensure for if in next redo rescue raise retry return super then undef unless until when while yield def class module");
const RUBY_PSEUDO = words("loop include extend raise alias_method attr catch throw private module_function public protected true false nil __FILE__ __LINE__");
const RUBY_BUILTINS = words(
  "attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload binding callcc caller catch chomp chop class_eval class_variables clone const_get const_missing const_set constants display dup eval exec exit extend fail fork format freeze getc gets global_variables gsub hash id included_modules inspect instance_eval instance_method instance_methods instance_variable_get instance_variable_set instance_variables lambda load local_variables loop method method_missing methods module_eval name object_id open p print printf private_class_method private_instance_methods private_methods proc protected_instance_methods protected_methods public_class_method public_instance_methods public_methods putc puts raise rand readline readlines require require_relative scan select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall system taint test throw to_a to_s trace_var trap untaint untrace_var warn",
);
const rubyWord: WordClassifier = (word, after) => {
  if (/\bdef\s+$/.test(after) || /(?:[^.]\.|::)\s*$/.test(after)) return "nf";
  if (/\bmodule\s+$/.test(after)) return "nn";
  if (/\bclass\s+$/.test(after)) return "nc";
  if (RUBY_KEYWORDS.has(word)) return "k";
  if (RUBY_PSEUDO.has(word)) return "kp";
  if (/^[A-Z]/.test(word)) return "no";
  return RUBY_BUILTINS.has(word) && !after.endsWith(".") ? "nb" : "n";
};

// diff.rb: one token per line, by its first characters.
const DIFF_LINES: ReadonlyArray<readonly [RegExp, string | undefined]> = [
  [/^ /, undefined], [/^---$/, "p"], [/^[+>]/, "gi"], [/^[-<]/, "gd"], [/^!/, "gs"], [/^(?:[Ii]ndex|diff)/, "gh"], [/^\w/, "p"], [/^=/, "gh"],
];
function lexDiff(code: string): Token[] {
  return code.split(/(?<=\n)/).flatMap((line): Token[] => {
    const hunk = /^(@@[^@]*@@)([^\n]*\n)/.exec(line);
    if (hunk?.[1]) return [{ cls: "p", text: hunk[1] }, { cls: undefined, text: hunk[2] ?? "" }];
    return [{ cls: DIFF_LINES.find(([pattern]) => pattern.test(line))?.[1], text: line }];
  });
}

const JS: Dialect = { word: jsWord, reclassify: words("k kc kt nb nf nc bp nv py"), isCode: true, quotes: true, delimiters: true, interpolation: "p" };
const PYTHON: Dialect = { word: pythonWord, reclassify: words("k kc nb bp"), isCode: true, takesNewline: words("c1") };
const RUBY: Dialect = { word: rubyWord, reclassify: words("k kc nb nc nf bp"), isCode: true, quotes: true, interpolation: "si", sigils: true };
const JSON_DIALECT: Dialect = { word: (word) => (/^(?:true|false|null)$/.test(word) ? "kc" : undefined), reclassify: words("k kc"), quotes: true, whitespace: "w", attribute: "nl" };
const DIFF: Dialect = { lex: lexDiff };
const SHELL: Dialect = { lex: lexShell };
const YAML: Dialect = { isYaml: true };
const DIALECTS: Readonly<Record<string, Dialect>> = {
  js: JS,
  javascript: JS,
  python: PYTHON,
  py: PYTHON,
  ruby: RUBY,
  rb: RUBY,
  bash: SHELL,
  shell: SHELL,
  sh: SHELL,
  zsh: SHELL,
  ksh: SHELL,
  json: JSON_DIALECT,
  yaml: YAML,
  yml: YAML,
  diff: DIFF,
  patch: DIFF,
  udiff: DIFF,
  html: { isMarkup: true },
  xml: { isMarkup: true },
};

function dialectOf(language: string): Dialect {
  return DIALECTS[language] ?? {};
}

// Rouge's number, comment and string subtypes, read from the token's text.
function subtype(cls: string, text: string, dialect: Dialect): string {
  if (cls === "m" && dialect.isYaml) return "m";
  if (cls === "m") return /^0x/i.test(text) ? "mh" : /^\d+$/.test(text) ? "mi" : /^\d*\.?\d+(?:e[-+]?\d+)?$/i.test(text) ? "mf" : "m";
  if (cls === "c") return /^(?:\/\/|#(?!!)|--)/.test(text) ? "c1" : text.startsWith("/*") ? "cm" : "c";
  if (cls === "s" && dialect.quotes) return /^["`]/.test(text) ? "s2" : text.startsWith("'") ? "s1" : "s";
  if (cls === "na" && dialect.attribute) return dialect.attribute;
  return cls;
}

const CODE_TEXT = /(\s+)|([A-Za-z_$][\w$]*[?!]?)|(\d[\w.]*)|(::)|([()[\]{};,.:@]+)|([-+*/%=<>!&|^~?]+)|([\s\S])/gy;

// Plain text in a language Rouge lexes fully: white space, identifiers, numbers, punctuation, operators.
function lexPlain(text: string, dialect: Dialect, before: string): Token[] {
  const out: Token[] = [];
  CODE_TEXT.lastIndex = 0;
  for (let match = CODE_TEXT.exec(text); match; match = CODE_TEXT.exec(text)) {
    const [piece, space, word, number, scope, punctuation, operator] = match;
    const after = before + text.slice(0, match.index);
    const cls = space ? dialect.whitespace : word ? dialect.word?.(word, after) : number ? subtype("m", number, dialect) : punctuation ? "p" : scope || operator ? "o" : undefined;
    out.push({ cls, text: piece });
  }
  return out;
}

function splitToken(token: Token, dialect: Dialect, before: string): Token[] {
  const { cls, text } = token;
  if (cls === undefined) {
    if (dialect.isCode) return lexPlain(text, dialect, before);
    if (dialect.whitespace) return text.split(/(\s+)/).filter(Boolean).map((piece) => ({ cls: /^\s+$/.test(piece) ? dialect.whitespace : undefined, text: piece }));
    if (dialect.isMarkup) return text.split(/(&(?![#\w]+;))/).filter(Boolean).map((piece) => ({ cls: piece === "&" ? "err" : undefined, text: piece }));
    return [token];
  }
  if (dialect.isMarkup) return [markupToken(cls, text)];
  if (cls === "si" && dialect.interpolation) {
    const parts = /^([#$]\{)([\s\S]*)(\})$/.exec(text);
    if (parts?.[1] && parts[3]) return [{ cls: dialect.interpolation, text: parts[1] }, ...lexPlain(parts[2] ?? "", dialect, before), { cls: dialect.interpolation, text: parts[3] }];
  }
  if (dialect.word && dialect.reclassify?.has(cls) && /^[A-Za-z_$][\w$]*[?!]?$/.test(text)) return [{ cls: dialect.word(text, before), text }];
  if (dialect.sigils && cls === "nv") return [{ cls: text.startsWith("@@") ? "vc" : text.startsWith("@") ? "vi" : text.startsWith("$") ? "vg" : cls, text }];
  if (dialect.delimiters && (cls === "s2" || cls === "s1") && /^(["'])[\s\S]*\1$/.test(text) && text.length >= 2) return delimited(cls, text);
  if (dialect.isYaml) return yamlTokens(cls, text);
  return [token];
}

// javascript.rb's dq/sq states: the quotes are delimiters, escapes are their own tokens.
function delimited(cls: string, text: string): Token[] {
  const quote = text.charAt(0);
  const inner = text.slice(1, -1).split(/(\\[\\nrt"']?)/).filter(Boolean);
  return [{ cls: "dl", text: quote }, ...inner.map((piece) => ({ cls: piece.startsWith("\\") ? "se" : cls, text: piece })), { cls: "dl", text: quote }];
}

// html.rb: white space inside a tag is text, `=` belongs to the attribute name, entities are `ni`.
function markupToken(cls: string, text: string): Token {
  if (cls === "nt" && /^\s+$/.test(text)) return { cls: undefined, text };
  if (cls === "nt" && text === "=") return { cls: "na", text };
  return { cls: cls === "ss" ? "ni" : cls, text };
}

// yaml.rb: `key` and `:` apart, `-` and block indicators `pi`, constants `no`, generic numbers,
// a quoted string as its opening quote (`s2`/`s1`) and the rest (`s`).
function yamlTokens(cls: string, text: string): Token[] {
  if (cls === "na" && text.endsWith(":")) return [{ cls, text: text.slice(0, -1) }, { cls: "pi", text: ":" }];
  if (cls === "k" && text === "-") return [{ cls: "pi", text }];
  if ((cls === "kc" || cls === "k") && /^(?:true|false|null)$/.test(text)) return [{ cls: "no", text }];
  if (cls !== "s") return [{ cls, text }];
  if (/^["']/.test(text)) return [{ cls: text.startsWith('"') ? "s2" : "s1", text: text.charAt(0) }, { cls: "s", text: text.slice(1) }];
  const block = /^([>|][-+]?\d*)([\s\S]*)$/.exec(text);
  if (!block?.[1]) return [{ cls, text }];
  const lines = (block[2] ?? "").split(/(\s*\n\s*)/).filter(Boolean);
  return [{ cls: "pi", text: block[1] }, ...lines.map((piece) => ({ cls: /^\s+$/.test(piece) ? undefined : "s", text: piece }))];
}

// YAML plain scalars are one string token in Rouge (highlight.js may split them at spaces).
function joinYamlScalars(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    const space = tokens[index + 1];
    const next = tokens[index + 2];
    if (token.cls !== "s" || !space || space.cls !== undefined || !/^[ \t]+$/.test(space.text) || next?.cls !== "s") return;
    next.text = token.text + space.text + next.text;
    token.text = "";
    space.text = "";
  });
}

// Ruby method names end with their `?` or `!` (`nil?`), which highlight.js leaves outside.
function joinMethodSuffixes(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if ((token.cls !== "nf" && token.cls !== "n") || !next || !/^[?!](?![=?!])/.test(next.text) || next.cls === "s2") return;
    token.text += next.text.charAt(0);
    next.text = next.text.slice(1);
  });
}

// Rouge's lexers end some tokens with the line ending (`#.*\n` comments in Python, diff lines).
function takeNewlines(tokens: Token[], classes: ReadonlySet<string>): void {
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (!token.cls || !classes.has(token.cls) || !next || next.cls !== undefined || !next.text.startsWith("\n")) return;
    token.text += "\n";
    next.text = next.text.slice(1);
  });
}

function merge(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (token.text === "") continue;
    if (last && last.cls === token.cls) last.text += token.text;
    else out.push({ ...token });
  }
  return out;
}

/** Rouge's subtype of a highlighted element (`m` → `mi`, `c` → `c1`, `s` → `s2`, …), from its whole text. */
export function rougeSubtype(cls: string, text: string, language: string): string {
  return subtype(cls, text, dialectOf(language));
}

/** Refines highlight.js tokens (given Rouge's class names and subtypes) as Rouge's lexer for `language` would print them. */
export function toRougeTokens(tokens: readonly Token[], language: string): Token[] {
  const dialect = dialectOf(language);
  if (dialect.lex) return merge(dialect.lex(tokens.map((token) => token.text).join("")));
  const out: Token[] = [];
  let before = "";
  for (const token of tokens) {
    out.push(...splitToken(token, dialect, before));
    before = (before + token.text).slice(-64);
  }
  if (dialect.takesNewline) takeNewlines(out, dialect.takesNewline);
  if (dialect.sigils) joinMethodSuffixes(out);
  if (dialect.isYaml) joinYamlScalars(out);
  return merge(out);
}

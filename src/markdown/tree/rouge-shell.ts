import type { Token } from "./rouge-tokens.js";

// Rouge 3.30's shell lexer (lib/rouge/lexers/shell.rb), without here-documents, `case` and
// arithmetic states: shell code is common in posts and highlight.js splits it differently.

const KEYWORDS = "if fi else while do done for then return function select continue until esac elif in".split(" ").join("|");
const BUILTINS = (
  "alias bg bind break builtin caller cd command compgen complete declare dirs disown enable eval exec exit export false fc fg " +
  "getopts hash help history jobs let local logout mapfile popd pushd pwd read readonly set shift shopt source suspend test " +
  "time times trap true type typeset ulimit umask unalias unset wait cat tac nl od base32 base64 fmt pr fold head tail split " +
  "csplit wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort cut paste " +
  "join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred link ln mkdir mkfifo mknod readlink rmdir unlink " +
  "chown chgrp chmod touch df du stat sync truncate echo printf yes expr tee basename dirname pathchk mktemp realpath pwd " +
  "stty printenv tty id logname whoami groups users who date arch nproc uname hostname hostid uptime chcon runcon chroot env " +
  "nice nohup stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk sed gzip gunzip"
)
  .split(" ")
  .join("|");

type State = "root" | "double" | "single" | "paren" | "curly";
/** A rule: pattern, class (or a class per group), and the state it pushes or `pop`. */
type Rule = readonly [RegExp, string | undefined | ReadonlyArray<string | undefined>, (State | "pop")?];

const INTERP: readonly Rule[] = [
  [/\\$/my, "se"],
  [/\\./y, "se"],
  [/\$\(/y, "si", "paren"],
  [/\$\{#?/y, "k", "curly"],
  [/\$#?(?:\w+|.)/y, "nv"],
];
const ROOT: readonly Rule[] = [
  [/#.*$/my, "c"],
  [new RegExp(String.raw`\b(?:${KEYWORDS})\s*\b`, "y"), "k"],
  [/\bcase\b/y, "k"],
  [new RegExp(String.raw`\b(?:${BUILTINS})\s*\b(?![.-])`, "y"), "nb"],
  [/[.](?=\s)/y, "nb"],
  [/(\b\w+)(=)/y, ["nv", "o"]],
  [/[[\]{}()!=>]/y, "o"],
  [/&&|\|\|/y, "o"],
  [/\s+/y, undefined],
  [/\\./y, "se"],
  [/\$?"/y, "s2", "double"],
  [/\$?'/y, "s1", "single"],
  [/\*/y, "k"],
  [/;/y, "p"],
  [/--?[\w-]+/y, "nt"],
  [/[^=*\s{}()$"'`;\\<]+/y, undefined],
  [/</y, undefined],
  ...INTERP,
];
const STATES: Readonly<Record<State, readonly Rule[]>> = {
  root: ROOT,
  double: [[/(?:\$#?)?"/y, "s2", "pop"], ...INTERP, [/[^"`\\$]+/y, "s2"]],
  single: [[/'/y, "s1", "pop"], [/[^']+/y, "s1"]],
  paren: [[/\)/y, "si", "pop"], [/\(/y, "o", "paren"], ...ROOT],
  curly: [[/\}/y, "k", "pop"], [/:-/y, "k"], [/[a-zA-Z0-9_]+/y, "nv"], [/[^}:"`'$]+/y, "p"], ...ROOT],
};

function matchAt(rules: readonly Rule[], code: string, position: number): [RegExpExecArray, Rule] | undefined {
  for (const rule of rules) {
    rule[0].lastIndex = position;
    const match = rule[0].exec(code);
    if (match && match[0] !== "") return [match, rule];
  }
  return undefined;
}

/** Shell code as Rouge's shell lexer splits it (tokens not yet merged). */
export function lexShell(code: string): Token[] {
  const tokens: Token[] = [];
  const stack: State[] = ["root"];
  let position = 0;
  while (position < code.length) {
    const found = matchAt(STATES[stack[stack.length - 1] ?? "root"], code, position);
    if (!found) {
      tokens.push({ cls: undefined, text: code.charAt(position) });
      position += 1;
      continue;
    }
    const [match, [, cls, next]] = found;
    if (Array.isArray(cls)) match.slice(1).forEach((text, index) => tokens.push({ cls: cls[index], text: text ?? "" }));
    else tokens.push({ cls: cls as string | undefined, text: match[0] });
    if (next === "pop") stack.length = Math.max(1, stack.length - 1);
    else if (next) stack.push(next);
    position += match[0].length;
  }
  return tokens;
}

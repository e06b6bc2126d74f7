// The small part of Liquid that `where_exp`, `find_exp` and `group_by_exp` take as a string:
// conditions (`post.year >= 2025 and post.tags contains 'ai'`) and variables with filters
// (`post.date | date: '%Y'`), evaluated with Liquid's rules (only nil and false are false).
import { JekyllTime } from "../../content/index.js";
import { KijiError } from "../../shared/index.js";

/** Looks names up: the loop variable first, then the template's variables. */
export type Scope = (name: string) => unknown;

/** Applies a filter by name to a value (Jekyll's filters and Nunjucks' own). */
export type FilterCall = (name: string, input: unknown, args: unknown[]) => unknown;

type Token = { kind: "op" | "string" | "number" | "id" | "punct"; text: string };

const TOKEN = /\s*(==|!=|<>|<=|>=|<|>|contains(?![\w-])|'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?|[a-zA-Z_][\w-]*\??|\.\.|[.[\]|:,()])/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(start))) break;
      throw new KijiError(`cannot read the Liquid expression '${text}' at '${text.slice(start).trim()}'`);
    }
    const t = m[1]!;
    const kind = /^(==|!=|<>|<=|>=|<|>|contains)$/.test(t) ? "op" : /^['"]/.test(t) ? "string" : /^-?\d/.test(t) ? "number" : /^[a-zA-Z_]/.test(t) ? "id" : "punct";
    tokens.push({ kind, text: t });
  }
  return tokens;
}

const EMPTY = Symbol("empty");

/** Ruby's `to_s` of a template value, as Liquid prints it. */
export function liquidString(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(liquidString).join("");
  if (value instanceof JekyllTime) return value.toString();
  return String(value);
}

function rubyEquals(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => rubyEquals(item, b[i]));
  if (a instanceof JekyllTime && b instanceof JekyllTime) return a.epochMs === b.epochMs;
  return a === b;
}

function isEmpty(value: unknown): boolean {
  if (typeof value === "string" || Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && value !== null && Object.keys(value).length === 0;
}

function compare(op: string, left: unknown, right: unknown): boolean {
  if (right === EMPTY || left === EMPTY) {
    const value = right === EMPTY ? left : right;
    return (op === "==") === isEmpty(value);
  }
  switch (op) {
    case "==": return rubyEquals(left, right);
    case "!=": case "<>": return !rubyEquals(left, right);
    case "contains":
      if (typeof left === "string") return right !== undefined && right !== null && left.includes(liquidString(right));
      return Array.isArray(left) && right !== undefined && right !== null && left.some((item) => rubyEquals(item, right));
  }
  const l = left instanceof JekyllTime ? left.epochMs : left;
  const r = right instanceof JekyllTime ? right.epochMs : right;
  if (l === undefined || l === null || r === undefined || r === null) return false;
  if (typeof l !== typeof r || (typeof l !== "number" && typeof l !== "string")) {
    throw new KijiError(`Liquid error: comparison of ${typeof l} with ${typeof r} failed`);
  }
  const a = l as number | string;
  const b = r as number | string;
  return op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : a >= b;
}

/** A recursive-descent reader over one expression's tokens. */
class ExpressionReader {
  private index = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private take(text?: string): Token {
    const token = this.tokens[this.index];
    if (!token || (text !== undefined && token.text !== text)) {
      throw new KijiError(`cannot read the Liquid expression '${this.source}'${text ? `: expected '${text}'` : ""}`);
    }
    this.index++;
    return token;
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  /** A literal or a variable lookup such as `post.tags[0].name` or `post.tags.size`. */
  operand(scope: Scope): unknown {
    const token = this.take();
    if (token.kind === "string") return token.text.slice(1, -1);
    if (token.kind === "number") return Number(token.text);
    if (token.text === "(") {
      const from = Number(this.operand(scope));
      this.take("..");
      const to = Number(this.operand(scope));
      this.take(")");
      return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
    }
    if (token.kind !== "id") throw new KijiError(`cannot read the Liquid expression '${this.source}' at '${token.text}'`);
    const literals: Record<string, unknown> = { nil: null, null: null, true: true, false: false, empty: EMPTY, blank: EMPTY };
    if (token.text in literals && this.peek()?.text !== ".") return literals[token.text];
    let value = scope(token.text);
    while (this.peek()?.text === "." || this.peek()?.text === "[") {
      const key = this.take().text === "." ? this.take().text : this.bracket(scope);
      value = lookup(value, key);
    }
    return value;
  }

  private bracket(scope: Scope): string | number {
    const key = this.operand(scope);
    this.take("]");
    return typeof key === "number" ? key : liquidString(key);
  }

  /** `a op b`, chained with `and`/`or` from the right as Liquid does; `live` false only reads. */
  condition(scope: Scope, live = true): boolean {
    const left = this.operand(scope);
    let result = left !== null && left !== undefined && left !== false;
    if (this.peek()?.kind === "op") {
      const op = this.take().text;
      const right = this.operand(scope);
      result = live && compare(op, left, right);
    }
    const joiner = this.peek()?.text;
    if (joiner === "and" || joiner === "or") {
      this.take();
      const rest = this.condition(scope, live && (joiner === "and" ? result : !result));
      return joiner === "and" ? result && rest : result || rest;
    }
    return result;
  }

  /** `value | filter: arg, arg | filter`. */
  filtered(scope: Scope, callFilter: FilterCall): unknown {
    let value = this.operand(scope);
    while (this.peek()?.text === "|") {
      this.take();
      const name = this.take().text;
      const args: unknown[] = [];
      if (this.peek()?.text === ":") {
        this.take();
        args.push(this.operand(scope));
        while (this.peek()?.text === ",") {
          this.take();
          args.push(this.operand(scope));
        }
      }
      value = callFilter(name, value, args);
    }
    return value;
  }
}

/** Liquid's variable lookup, with its `size`, `first` and `last` shortcuts. */
export function lookup(value: unknown, key: string | number): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && key in value) return (value as Record<string | number, unknown>)[key];
  if (Array.isArray(value) || typeof value === "string") {
    if (key === "size") return value.length;
    if (key === "first") return value[0];
    if (key === "last") return value[value.length - 1];
    if (typeof key === "number") return value.at(key);
  }
  if (key === "size" && typeof value === "object") return Object.keys(value).length;
  return undefined;
}

/** Parses a condition once; the result evaluates it for any scope. */
export function parseCondition(expression: string): (scope: Scope) => boolean {
  const tokens = tokenize(expression);
  return (scope) => {
    const reader = new ExpressionReader(tokens, expression);
    const result = reader.condition(scope);
    if (!reader.atEnd()) throw new KijiError(`cannot read the Liquid expression '${expression}': unexpected text at the end`);
    return result;
  };
}

/** Parses a variable with filters once; the result evaluates it for any scope. */
export function parseVariable(expression: string, callFilter: FilterCall): (scope: Scope) => unknown {
  const tokens = tokenize(expression);
  return (scope) => {
    const reader = new ExpressionReader(tokens, expression);
    const value = reader.filtered(scope, callFilter);
    if (!reader.atEnd()) throw new KijiError(`cannot read the Liquid expression '${expression}': unexpected text at the end`);
    return value;
  };
}

import { JekyllTime } from "../../content/index.js";
import { KijiError } from "../../shared/index.js";
import { liquidString, lookup, parseCondition, parseVariable, type Scope } from "./liquid-expression.js";

/** What a filter sees as `this` when Nunjucks calls it: the template's variables and filters. */
export interface FilterThis {
  lookup?(name: string): unknown;
  env?: { getFilter(name: string): (...args: unknown[]) => unknown };
}

/** Arrays as Jekyll's filters take them: a hash gives its values; anything else is not a list. */
function asList(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (input instanceof Map) return [...input.values()];
  if (typeof input === "object" && input !== null && !(input instanceof JekyllTime)) return Object.values(input);
  return undefined;
}

const INTEGER_LIKE = /^\s*-?\d+\s*$/;
const FLOAT_LIKE = /^\s*-?(?:\d+\.?\d*|\.\d+)\s*$/;

/** Jekyll's `item_property`: a (dotted) property, numbers in strings read as numbers. */
function itemProperty(item: unknown, property: string): unknown {
  const value = property.split(".").reduce<unknown>((current, key) => lookup(current, key), item);
  if (typeof value === "string" && (INTEGER_LIKE.test(value) || FLOAT_LIKE.test(value))) return Number(value);
  return value ?? null;
}

/** Jekyll's `where` comparison: strings by value, lists by any element, everything as Ruby's `to_s`. */
function matches(property: unknown, target: unknown): boolean {
  if (target === null || target === undefined) return property === null || property === undefined;
  const wanted = liquidString(target);
  if (typeof property === "string") return property === wanted;
  return (Array.isArray(property) ? property : [property]).some((item) => liquidString(item) === wanted);
}

/** Ruby's `<=>` between two values; undefined when Ruby cannot compare them. */
function rubyCompare(a: unknown, b: unknown): number | undefined {
  if (typeof a === "number" && typeof b === "number") return Math.sign(a - b);
  if (a instanceof JekyllTime && b instanceof JekyllTime) return Math.sign(a.epochMs - b.epochMs);
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  return undefined;
}

/** Strings in code point order, as Ruby compares UTF-8 bytes (JavaScript's `<` compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return Math.sign(a.length - b.length);
}

function sortList(input: unknown, property?: unknown, nils: unknown = "first"): unknown[] {
  if (input === undefined || input === null) throw new KijiError("Cannot sort a null object.");
  const list = asList(input) ?? [input];
  if (property === undefined || property === null) {
    return [...list].sort((a, b) => {
      const order = rubyCompare(a, b);
      if (order === undefined) throw new KijiError(`comparison of ${typeof a} with ${typeof b} failed`);
      return order;
    });
  }
  if (nils !== "first" && nils !== "last") {
    throw new KijiError(`Invalid nils order: '${String(nils)}' is not a valid nils order. It must be 'first' or 'last'.`);
  }
  const nilOrder = nils === "first" ? -1 : 1;
  const keyed = list.map((item) => ({ key: itemProperty(item, String(property)), item }));
  keyed.sort((a, b) => {
    if (a.key !== null && b.key === null) return -nilOrder;
    if (a.key === null && b.key !== null) return nilOrder;
    return rubyCompare(a.key, b.key) ?? compareCodePoints(liquidString(a.key), liquidString(b.key));
  });
  return keyed.map((entry) => entry.item);
}

/** A key Ruby's `group_by` would treat as the same hash key. */
function groupKey(value: unknown): string {
  if (value instanceof JekyllTime) return `time:${value.epochMs}`;
  return `${typeof value}:${JSON.stringify(value ?? null)}`;
}

function groupsOf(list: readonly unknown[], keyOf: (item: unknown) => unknown): Array<{ name: unknown; items: unknown[]; size: number }> {
  const groups = new Map<string, { name: unknown; items: unknown[]; size: number }>();
  for (const item of list) {
    const name = keyOf(item);
    const key = groupKey(name);
    const group = groups.get(key) ?? { name, items: [], size: 0 };
    group.items.push(item);
    group.size = group.items.length;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A scope for expression filters: `variable` is the item, other names are the template's. */
function scopeFor(self: FilterThis, variable: string, item: unknown): Scope {
  return (name) => (name === variable ? item : self.lookup?.(name));
}

function filterCaller(self: FilterThis) {
  return (name: string, input: unknown, args: unknown[]): unknown => {
    const filter = self.env?.getFilter(name);
    if (!filter) throw new KijiError(`unknown filter '${name}' in a Liquid expression`);
    return filter.call(self, input, ...args);
  };
}

/** Jekyll's array filters: where, where_exp, find, find_exp, group_by, group_by_exp, sort, first, last. */
export function createArrayFilters(): Record<string, (this: FilterThis, ...args: never[]) => unknown> {
  return {
    where(input: unknown, property: unknown, value: unknown) {
      const list = asList(input);
      if (!list || !property || Array.isArray(value) || (typeof value === "object" && value !== null)) return input;
      return list.filter((item) => matches(itemProperty(item, String(property)), value));
    },
    find(input: unknown, property: unknown, value: unknown) {
      const list = asList(input);
      if (!list || !property || Array.isArray(value) || (typeof value === "object" && value !== null)) return input;
      return list.find((item) => matches(itemProperty(item, String(property)), value)) ?? null;
    },
    where_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown) {
      const list = asList(input);
      if (!list) return input;
      const condition = parseCondition(String(expression));
      return list.filter((item) => condition(scopeFor(this, String(variable), item)));
    },
    find_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown) {
      const list = asList(input);
      if (!list) return input;
      const condition = parseCondition(String(expression));
      return list.find((item) => condition(scopeFor(this, String(variable), item))) ?? null;
    },
    group_by(input: unknown, property: unknown) {
      const list = asList(input);
      return list ? groupsOf(list, (item) => liquidString(itemProperty(item, String(property)))) : input;
    },
    group_by_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown) {
      const list = asList(input);
      if (!list) return input;
      const evaluate = parseVariable(String(expression), filterCaller(this));
      return groupsOf(list, (item) => evaluate(scopeFor(this, String(variable), item)) ?? null);
    },
    sort: sortList,
    first: (input: unknown) => (Array.isArray(input) ? input[0] : undefined),
    last: (input: unknown) => (Array.isArray(input) ? input.at(-1) : undefined),
  };
}

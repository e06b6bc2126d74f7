import nunjucks from "nunjucks";
import { KijiError, messages } from "../shared/index.js";
import { toTemplateError, type TemplateSource } from "./template-error.js";

/** A layout: its template plus its own front matter (`layout` there chains to a parent). */
export interface LayoutSource extends TemplateSource {
  /** Name documents use in `layout:` (file name without extension). */
  readonly layoutName: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A document body that may contain template tags (Jekyll runs Liquid on posts and pages). */
export interface BodySource {
  readonly file: string;
  readonly body: string;
  readonly bodyLine: number;
  readonly fileText: string;
}

/** Renders bodies and layouts for one build. */
export interface TemplateEngine {
  /** Runs the template pass over a body; bodies without `{{`/`{%` come back untouched. */
  renderBody(source: BodySource, context: Readonly<Record<string, unknown>>): Promise<string>;
  /** Wraps `content` in the layout `name` and its parents. */
  renderLayouts(name: string, content: string, context: Readonly<Record<string, unknown>>, file: string): Promise<string>;
  hasLayout(name: string): boolean;
}

/**
 * A tag such as Jekyll's `{% seo %}` or `{% feed_meta %}`: given the template's variables and
 * the tag's keyword arguments (`{% seo title=false %}`), returns HTML.
 */
export type TemplateTag = (variables: Readonly<Record<string, unknown>>, options: Readonly<Record<string, unknown>>) => string;

/** What the engine is built from. */
export interface TemplateEngineInput {
  readonly layouts: readonly LayoutSource[];
  readonly includes: readonly TemplateSource[];
  readonly filters: Readonly<Record<string, (...args: never[]) => unknown>>;
  /** Tags by name. */
  readonly tags?: Readonly<Record<string, TemplateTag>>;
}

// Post bodies keep kramdown's `{#id}` and `{: .class}`: comments there need `{#-- … --#}`,
// because `{#` opens a comment in stock Nunjucks.
const BODY_TAGS = { commentStart: "{#--", commentEnd: "--#}" };

type NunjucksParser = { nextToken(): { value: string }; parseSignature(tolerant: null, noParens: boolean): unknown; advanceAfterBlockEnd(name: string): void };
type NunjucksNodes = { CallExtension: new (extension: object, method: string, args: unknown) => unknown };

/** A Nunjucks extension for one tag: `{% name key=value %}` calls `render` with the variables and options. */
function tagExtension(name: string, render: TemplateTag): nunjucks.Extension {
  return {
    tags: [name],
    parse(parser: NunjucksParser, nodes: NunjucksNodes) {
      const token = parser.nextToken();
      const args = parser.parseSignature(null, true);
      parser.advanceAfterBlockEnd(token.value);
      return new nodes.CallExtension(this, "run", args);
    },
    run(context: { ctx: Record<string, unknown> }, ...args: unknown[]) {
      const last = args.at(-1) as Record<string, unknown> | undefined;
      const options = last && typeof last === "object" && last.__keywords ? last : {};
      return new nunjucks.runtime.SafeString(render(context.ctx, options));
    },
  } as nunjucks.Extension;
}

function createEnvironment(sources: ReadonlyMap<string, TemplateSource>, input: TemplateEngineInput, tags?: object): nunjucks.Environment {
  const loader: nunjucks.ILoader = {
    getSource(name: string) {
      const source = sources.get(name);
      return source ? { src: source.text, path: name, noCache: false } : (null as unknown as nunjucks.LoaderSource);
    },
  };
  const env = new nunjucks.Environment([loader], { autoescape: false, throwOnUndefined: false, ...(tags ? { tags } : {}) });
  for (const [name, filter] of Object.entries(input.filters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  for (const [name, render] of Object.entries(input.tags ?? {})) env.addExtension(`tag:${name}`, tagExtension(name, render));
  return env;
}

function renderTemplate(template: nunjucks.Template, context: object): Promise<string> {
  return new Promise((resolve, reject) => {
    template.render(context, (error, result) => (error ? reject(error) : resolve(result ?? "")));
  });
}

/** Builds the Nunjucks environments once per build: layouts and includes in memory, Jekyll's filters, no autoescape. */
export function createTemplateEngine(input: TemplateEngineInput): TemplateEngine {
  const sources = new Map<string, TemplateSource>();
  for (const include of input.includes) sources.set(include.name, include);
  for (const layout of input.layouts) sources.set(layout.name, layout);
  const layouts = new Map(input.layouts.map((layout) => [layout.layoutName, layout]));
  const layoutEnv = createEnvironment(sources, input);
  const bodyEnv = createEnvironment(sources, input, BODY_TAGS);
  const compiled = new Map<string, nunjucks.Template>();

  const layoutTemplate = (layout: LayoutSource): nunjucks.Template => {
    let template = compiled.get(layout.name);
    if (!template) {
      template = new nunjucks.Template(layout.text, layoutEnv, layout.name, true);
      compiled.set(layout.name, template);
    }
    return template;
  };

  return {
    hasLayout: (name) => layouts.has(name),
    async renderBody(source, context) {
      if (!source.body.includes("{{") && !source.body.includes("{%")) return source.body;
      const fallback: TemplateSource = { name: source.file, file: source.file, text: source.body, fileText: source.fileText, firstLine: source.bodyLine };
      try {
        return await renderTemplate(new nunjucks.Template(source.body, bodyEnv, source.file), context);
      } catch (error) {
        throw toTemplateError(error, sources, fallback);
      }
    },
    async renderLayouts(name, content, context, file) {
      let output = content;
      // Jekyll merges each layout's front matter under the inner ones: `layout.x` is the innermost value.
      let layoutData: Record<string, unknown> = {};
      const seen: string[] = [];
      for (let current: string | undefined = name; current !== undefined; ) {
        const layout = layouts.get(current);
        if (!layout) {
          const { message, hint } = messages.layoutMissing(current, [...layouts.keys()].sort());
          throw new KijiError(message, { file: seen.length === 0 ? file : layouts.get(seen.at(-1)!)!.file, hint });
        }
        if (seen.includes(current)) throw new KijiError(messages.layoutCycle([...seen, current]).message, { file: layout.file });
        seen.push(current);
        try {
          layoutData = { ...layout.data, ...layoutData };
          output = await renderTemplate(layoutTemplate(layout), { ...context, content: output, layout: layoutData });
        } catch (error) {
          throw toTemplateError(error, sources, layout);
        }
        const parent = layout.data.layout;
        current = typeof parent === "string" && parent !== "" && parent !== "none" ? parent : undefined;
      }
      return output;
    },
  };
}

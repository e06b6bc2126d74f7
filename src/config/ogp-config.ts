import { z } from "zod";

/** The fields a card may show besides the title, in the order they are listed by default. */
export const OGP_FIELDS = ["site", "category", "date", "author"] as const;

/** One optional field of the card. */
export type OgpField = (typeof OGP_FIELDS)[number];

/** The placeholders `ogp.path` may use. */
export const OGP_PATH_PLACEHOLDERS = ["name", "slug", "year", "month", "day"] as const;

/** The card's colours, as `#rgb`, `#rrggbb` or `#rrggbbaa`. */
export interface OgpColors {
  /** Frame around the card, at the top left. Default "#0f2f66". */
  readonly frame?: string;
  /** Frame at the bottom right (a diagonal gradient from `frame`). Default "#1f6fd1". */
  readonly frame_end?: string;
  /** The card itself. Default "#ffffff". */
  readonly card?: string;
  /** Title and site name. Default "#0f172a". */
  readonly title?: string;
  /** Date and author. Default "#64748b". */
  readonly text?: string;
  /** Category label and the accent line. Default "#1d5fd0". */
  readonly accent?: string;
  /** Text on the accent colour. Default "#ffffff". */
  readonly accent_text?: string;
}

/** `ogp` in the site config: OGP cards (1200×630 PNG) for posts. `true` turns them on with the defaults below. */
export interface OgpUserConfig {
  /** Draw cards. Default: true once `ogp` is set at all (false when the key is absent, as Jekyll). */
  readonly enabled?: boolean;
  /** Where the card of a post without `image` goes: placeholders :name :slug :year :month :day. Default "/assets/images/posts/:name-ogp.png". */
  readonly path?: string;
  /** What the card shows besides the title, in this order. Default ["site", "category", "date", "author"]. */
  readonly fields?: readonly OgpField[];
  /** strftime format of the date. Default "%Y.%m.%d". */
  readonly date_format?: string;
  /** Logo image in the source (PNG, JPEG, WebP or SVG) drawn before the site name. Default: none. */
  readonly logo?: string;
  readonly colors?: OgpColors;
}

/** The complete OGP card settings; `enabled: false` when the site did not ask for cards. */
export interface ResolvedOgpConfig {
  readonly enabled: boolean;
  readonly path: string;
  readonly fields: readonly OgpField[];
  readonly dateFormat: string;
  /** Logo path relative to the source, if any. */
  readonly logo: string | undefined;
  readonly colors: Required<OgpColors>;
}

const DEFAULT_COLORS: Required<OgpColors> = {
  frame: "#0f2f66",
  frame_end: "#1f6fd1",
  card: "#ffffff",
  title: "#0f172a",
  text: "#64748b",
  accent: "#1d5fd0",
  accent_text: "#ffffff",
};

const color = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, "must be a colour like #1d5fd0");
const placeholder = new RegExp(`:(?!(?:${OGP_PATH_PLACEHOLDERS.join("|")})\\b)[a-z_]+`);
const cardPath = z
  .string()
  .regex(/^\/.*\.png$/i, "must start with '/' and end with '.png'")
  .refine((value) => !placeholder.test(value), `may only use the placeholders :${OGP_PATH_PLACEHOLDERS.join(" :")}`)
  .refine((value) => !value.split("/").includes(".."), "may not contain '..'");

/** Schema of the `ogp` key (`true`/`false` stand for `{ enabled }`); unknown keys inside it are rejected. */
export const ogpSchema = z.preprocess(
  (value) => (typeof value === "boolean" ? { enabled: value } : value),
  z.strictObject({
    enabled: z.boolean().optional(),
    path: cardPath.optional(),
    fields: z.array(z.enum(OGP_FIELDS)).optional(),
    date_format: z.string().optional(),
    logo: z.string().min(1).optional(),
    colors: z
      .strictObject({
        frame: color.optional(),
        frame_end: color.optional(),
        card: color.optional(),
        title: color.optional(),
        text: color.optional(),
        accent: color.optional(),
        accent_text: color.optional(),
      })
      .optional(),
  }),
);

/** The keys `ogp` and `ogp.colors` allow, for typo suggestions. */
export const OGP_NESTED_KEYS: Readonly<Record<string, readonly string[]>> = {
  ogp: ["enabled", "path", "fields", "date_format", "logo", "colors"],
  "ogp.colors": Object.keys(DEFAULT_COLORS),
};

/** Fills in every default of the `ogp` key (absent → cards off). */
export function resolveOgpConfig(value: z.infer<typeof ogpSchema> | undefined): ResolvedOgpConfig {
  const user: OgpUserConfig = value ?? { enabled: false };
  return {
    enabled: user.enabled ?? true,
    path: user.path ?? "/assets/images/posts/:name-ogp.png",
    fields: [...new Set(user.fields ?? OGP_FIELDS)],
    dateFormat: user.date_format ?? "%Y.%m.%d",
    logo: user.logo?.replace(/^\/+/, ""),
    colors: { ...DEFAULT_COLORS, ...user.colors },
  };
}

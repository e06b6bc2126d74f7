import { z } from "zod";

const blockSchema = z
  .object({
    title: z.string().min(1),
    text: z.string().optional(),
    label: z.string().min(1),
    url: z.string().min(1),
  })
  .strict();
const ctaSchema = z
  .object({
    default: blockSchema.optional(),
    categories: z.record(z.string(), blockSchema).optional(),
  })
  .strict();

/** Schema of the `cta` key: one call-to-action block per category, plus one for the rest. `false` turns them off. */
export const ctaKey = { cta: z.union([z.literal(false), ctaSchema]).optional() };

/** Keys of the CTA config objects, for typo suggestions (`cta.defualt` → `default`). */
export const CTA_NESTED_KEYS: Readonly<Record<string, readonly string[]>> = {
  cta: Object.keys(ctaSchema.shape),
  "cta.default": Object.keys(blockSchema.shape),
};

/** One call-to-action block as the post layout shows it (`page.cta`). */
export interface CtaBlock {
  /** The block's heading, e.g. "AI導入のご相談を承っています". */
  readonly title: string;
  /** A sentence under the heading. Default: none. */
  readonly text?: string;
  /** The button's words. */
  readonly label: string;
  /** Where the button leads: a site path (baseurl is added) or a full URL. */
  readonly url: string;
}

/** CTA blocks with defaults filled in; undefined when `cta: false`. */
export interface ResolvedCtaConfig {
  readonly default: CtaBlock;
  /** Block per category name, exactly as posts write it. */
  readonly categories: Readonly<Record<string, CtaBlock>>;
}

// The blog's own blocks, as its posts printed them before the theme took them over; the UTM
// campaign names tell the analytics which kind of article a visitor came from.
const utm = (campaign: string): string => `utm_source=article&utm_medium=cta&utm_campaign=${campaign}`;
const DEFAULT_BLOCKS: ResolvedCtaConfig = {
  default: { title: "AI活用の実践ノウハウを発信中", text: "最新ニュースから導入事例、技術ガイドまで。実務に役立つ記事を毎週お届けします。", label: "他の記事も読む", url: `/?${utm("article")}` },
  categories: {
    AI最新ニュース: { title: "AI活用の実践ノウハウを発信中", text: "最新ニュースから導入事例、技術ガイドまで。実務に役立つ記事を毎週お届けします。", label: "他の記事も読む", url: `/?${utm("news")}` },
    導入事例: { title: "AI導入のご相談を承っています", text: "業務課題の整理から PoC、本番運用まで、貴社に合った進め方をご提案します。", label: "お問い合わせはこちら", url: `/contact/?${utm("case_study")}` },
    AI技術ガイド: { title: "技術選定のご相談を承っています", text: "モデル選定、RAG 構成、評価設計など、技術的な判断を専門チームが支援します。", label: "サービス内容を見る", url: `/services/?${utm("tech_guide")}` },
  },
};

/** The CTA settings with defaults filled in: without the key, the blog's own three blocks and a default. */
export function resolveCtaConfig(config: z.infer<(typeof ctaKey)["cta"]>): ResolvedCtaConfig | undefined {
  if (config === false) return undefined;
  if (config === undefined) return DEFAULT_BLOCKS;
  return { default: config.default ?? DEFAULT_BLOCKS.default, categories: config.categories ?? DEFAULT_BLOCKS.categories };
}

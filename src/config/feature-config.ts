import { z } from "zod";
import type { ResolvedAffiliateConfig, ResolvedRelatedConfig } from "./resolved-config.js";

const weight = z.number().min(0);
const weightsSchema = z.object({ text: weight.optional(), tags: weight.optional(), category: weight.optional() }).strict();
const fieldsSchema = z.object({ title: weight.optional(), excerpt: weight.optional(), headings: weight.optional(), body: weight.optional() }).strict();
const relatedSchema = z
  .object({
    count: z.number().int().min(0).optional(),
    weights: weightsSchema.optional(),
    fields: fieldsSchema.optional(),
    recency: z.number().min(0).max(1).optional(),
    half_life_days: z.number().positive().optional(),
  })
  .strict();
const readingTimeSchema = z.object({ chars_per_minute: z.number().positive().optional(), words_per_minute: z.number().positive().optional() }).strict();
const amazonSchema = z.object({ tag: z.string().optional(), host: z.string().optional() }).strict();
const affiliateSchema = z.object({ amazon: amazonSchema.optional(), disclosure: z.string().optional(), books: z.number().int().min(0).optional() }).strict();

/** Schemas of the feature keys (`related`, `reading_time`, `affiliate`); unknown sub-keys are typos. */
export const featureKeys = {
  related: relatedSchema.optional(),
  reading_time: readingTimeSchema.optional(),
  affiliate: affiliateSchema.optional(),
};

/** Keys of the feature config objects, for typo suggestions (`related.cont` → `count`). */
export const FEATURE_NESTED_KEYS: Readonly<Record<string, readonly string[]>> = {
  related: Object.keys(relatedSchema.shape),
  "related.weights": Object.keys(weightsSchema.shape),
  "related.fields": Object.keys(fieldsSchema.shape),
  reading_time: Object.keys(readingTimeSchema.shape),
  affiliate: Object.keys(affiliateSchema.shape),
  "affiliate.amazon": Object.keys(amazonSchema.shape),
};

type FeatureKeys = { readonly [K in keyof typeof featureKeys]?: z.infer<(typeof featureKeys)[K]> };

// The blog's own disclosure sentence, as its posts print it; Japan's rules on undisclosed
// advertising (景品表示法, in force since October 2023) require one wherever an affiliate link appears.
const DEFAULT_DISCLOSURE = "※ 本ページのリンクにはアフィリエイトリンクが含まれます。購入によりサイト運営をサポートいただけます。";

/** The feature settings with every default filled in. */
export function resolveFeatureConfig(config: FeatureKeys): {
  related: ResolvedRelatedConfig;
  readingTime: { charsPerMinute: number; wordsPerMinute: number };
  affiliate: ResolvedAffiliateConfig;
} {
  const related = config.related ?? {};
  const fields = related.fields ?? {};
  return {
    related: {
      count: related.count ?? 3,
      weights: { text: related.weights?.text ?? 1, tags: related.weights?.tags ?? 0.5, category: related.weights?.category ?? 0.05 },
      fields: { title: fields.title ?? 3, excerpt: fields.excerpt ?? 2, headings: fields.headings ?? 2, body: fields.body ?? 1 },
      recency: related.recency ?? 0.3,
      halfLifeDays: related.half_life_days ?? 180,
    },
    // Medium's read-time rule: about 265 words per minute, and 500 characters per minute for
    // Chinese, Japanese and Korean (help.medium.com/hc/en-us/articles/214991667-Read-time).
    readingTime: { charsPerMinute: config.reading_time?.chars_per_minute ?? 500, wordsPerMinute: config.reading_time?.words_per_minute ?? 265 },
    affiliate: {
      amazonTag: config.affiliate?.amazon?.tag || undefined,
      amazonHost: config.affiliate?.amazon?.host ?? "www.amazon.co.jp",
      disclosure: config.affiliate?.disclosure ?? DEFAULT_DISCLOSURE,
      books: config.affiliate?.books ?? 3,
    },
  };
}

import type { ReadingUnits } from "./reading-time.js";

/** What the features stage reads from one rendered body: its reading units, whether it carries an affiliate link, and which CTA URLs it links to. */
export interface BodyFact {
  readonly units: ReadingUnits;
  readonly hasAffiliateLink: boolean;
  readonly ctaLinks: readonly string[];
}

/**
 * Every body's facts by the body's key (the digest it was rendered from), kept from build to build:
 * a build reads from the Markdown cache only the bodies it has not seen (at 10,000 posts, reading
 * every body's HTML and features again took about 0.25 s). `key` is the digest of what the facts
 * were looked for with (affiliate link pattern, CTA URLs); under another key the table is not used.
 */
export interface BodyFactsTable {
  readonly key: string;
  readonly bodies: ReadonlyMap<string, BodyFact>;
}

/** How to find a body's facts, and the digest of that way (see BodyFactsTable.key). */
export interface FactFinder {
  readonly key: string;
  find(html: string, units: ReadingUnits): BodyFact;
}

/** A rendered body as the features stage sees it: its key, and its HTML and units read on demand. */
export interface BodySource {
  readonly key: string;
  readonly html: string;
  readonly units: ReadingUnits;
}

/** Looks up bodies' facts in the stored table, finding the missing ones; `table()` is the table to keep, or undefined when the stored one still fits. */
export interface BodyFacts {
  of(body: BodySource): BodyFact;
  table(): BodyFactsTable | undefined;
}

function isTable(value: BodyFactsTable | undefined, key: string): value is BodyFactsTable {
  return value?.key === key && value.bodies instanceof Map;
}

/** Opens the stored table for this build's finder. */
export function openBodyFacts(stored: BodyFactsTable | undefined, finder: FactFinder): BodyFacts {
  const known = isTable(stored, finder.key) ? stored.bodies : new Map<string, BodyFact>();
  const used = new Map<string, BodyFact>();
  let found = 0;
  return {
    of(body) {
      let fact = used.get(body.key) ?? known.get(body.key);
      if (!fact) {
        fact = finder.find(body.html, body.units);
        found++;
      }
      used.set(body.key, fact);
      return fact;
    },
    table: () => (found === 0 && used.size === known.size ? undefined : { key: finder.key, bodies: used }),
  };
}

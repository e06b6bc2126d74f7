import { existsSync } from "node:fs";

/** Debian's Chromium (`apt-get install -y chromium`); .ci/run installs it, playwright-core downloads no browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** Flags for headless Chromium in a container: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const isCI = Boolean(process.env.CI) && process.env.CI !== "false";

/** The `skip` option of a browser test: a reason when Chromium is missing on a developer's machine; never in CI. */
export function skipWithoutChromium(what: string): string | false {
  return !existsSync(CHROMIUM) && !isCI ? `${CHROMIUM} is not installed (apt-get install -y chromium); ${what} needs it` : false;
}

#!/usr/bin/env node
// The kiji command. The engine is TypeScript compiled to dist/ by `npm install` (the prepare script).
import { fileURLToPath } from "node:url";

// OGP cards use only the fonts kiji ships, never the machine's: see fonts.conf beside this file.
process.env.FONTCONFIG_FILE ??= fileURLToPath(new URL("./fonts.conf", import.meta.url));

const { main } = await import("../dist/src/cli/index.js");
process.exitCode = await main(process.argv.slice(2));

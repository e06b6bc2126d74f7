#!/usr/bin/env node
// The kiji command. The engine is TypeScript compiled to dist/ by `npm install` (the prepare script).
import { main } from "../dist/src/cli/index.js";

process.exitCode = await main(process.argv.slice(2));

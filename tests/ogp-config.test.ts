import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "../src/config/index.js";
import { makeSite, removeDir } from "./helpers.js";

async function configError(yaml: string): Promise<Error & { file?: string; hint?: string }> {
  const site = makeSite({ "_config.yml": yaml });
  try {
    await loadConfig({ source: site });
  } catch (error) {
    return error as Error & { file?: string; hint?: string };
  } finally {
    removeDir(site);
  }
  assert.fail(`accepted: ${yaml}`);
}

test("ogp: absent is off, true is on with every default, an object overrides some", async () => {
  const site = makeSite({ "_config.yml": "title: x\n" });
  const on = makeSite({ "_config.yml": "ogp: true\n" });
  const set = makeSite({ "site.config.ts": "export default { ogp: { fields: ['date'], colors: { accent: '#c00' }, logo: '/assets/logo.png' } };\n" });
  try {
    assert.equal((await loadConfig({ source: site })).ogp.enabled, false);
    const defaults = (await loadConfig({ source: on })).ogp;
    assert.equal(defaults.enabled, true);
    assert.equal(defaults.path, "/assets/images/posts/:name-ogp.png");
    assert.deepEqual(defaults.fields, ["site", "category", "date", "author"]);
    const custom = (await loadConfig({ source: set })).ogp;
    assert.deepEqual(custom.fields, ["date"]);
    assert.equal(custom.colors.accent, "#c00");
    assert.equal(custom.colors.card, "#ffffff");
    assert.equal(custom.logo, "assets/logo.png");
  } finally {
    removeDir(site);
    removeDir(on);
    removeDir(set);
  }
});

test("ogp settings are validated: typos name the meant key, colours, fields and path placeholders are checked", async () => {
  const typo = await configError("ogp:\n  colors:\n    acent: '#fff'\n");
  assert.equal(typo.file, "_config.yml");
  assert.match(typo.message, /unknown config key 'ogp\.colors\.acent'/);
  assert.match(typo.hint ?? "", /Did you mean 'accent'\?/);
  assert.match((await configError("ogp:\n  colors:\n    frame: navy\n")).message, /'ogp\.colors\.frame' .*must be a colour like #1d5fd0/);
  assert.match((await configError("ogp:\n  fields: [site, tags]\n")).message, /'ogp\.fields\.1'/);
  assert.match((await configError("ogp:\n  path: /cards/:title.png\n")).message, /may only use the placeholders :name :slug :year :month :day/);
  assert.match((await configError("ogp:\n  path: /cards/:name.jpg\n")).message, /must start with '\/' and end with '\.png'/);
});

// The package's TypeScript types: a consumer's file type-checks against
// pkg/newsdecode.d.ts and pkg/news-decoder.d.ts (tsc --strict), and every
// field of the JSON Schema is typed in the Article interfaces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;
const dts = readFileSync(join(root, "pkg/newsdecode.d.ts"), "utf8");
const schema = JSON.parse(readFileSync(join(root, "docs/article.schema.json"), "utf8"));

/** The body of `export interface <name> { … }` in the .d.ts. */
function interfaceBody(name) {
  const match = new RegExp(`export interface ${name}(?: extends \\w+)? \\{([\\s\\S]*?)\\n\\}`).exec(dts);
  assert.ok(match, `interface ${name} missing`);
  return match[1];
}

function assertTyped(name, properties) {
  const body = interfaceBody(name);
  for (const key of Object.keys(properties)) {
    assert.match(body, new RegExp(`^\\s+${key}\\??:`, "m"), `${name}.${key} is not typed`);
  }
}

test("every schema field is typed", () => {
  assertTyped("Article", schema.properties);
  assertTyped("Block", schema.$defs.block.properties);
  assertTyped("Boilerplate", schema.$defs.boilerplate.properties);
  assertTyped("DecodeReport", schema.$defs.decode.properties);
  assertTyped("DecodeWarning", schema.$defs.decode.properties.warnings.items.properties);
  assertTyped("Repair", schema.$defs.decode.properties.repairs.items.properties);
  for (const kind of schema.$defs.block.properties.kind.enum) assert.match(interfaceBody("Block"), new RegExp(`"${kind}"`));
});

test("a consumer type-checks with tsc --strict, and misuse does not", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdecode-types-"));
  const pkg = join(root, "pkg");
  try {
    const good = `import init, { extract, render, type Article, type Block } from "${pkg}/newsdecode.js";
import type { NewsDecoder } from "${pkg}/news-decoder.js";
await init();
const article: Article = extract(new Uint8Array([60, 112, 62]), { script: "hans", maxBytes: 1024 });
const withoutOptions: Article = extract("text");
const title: string | null = article.title;
const blocks: Block[] = article.blocks.filter((b) => b.kind === "figure" && b.src !== undefined);
const md: string = render(article, "markdown");
const el = document.createElement("news-decoder") satisfies NewsDecoder;
el.addEventListener("decoded", (e) => console.log(e.detail.article.decode.encoding));
console.log(title, blocks, md, withoutOptions.decode.confidence.toFixed(2), el.article?.text);
`;
    const bad = `import { extract, render } from "${pkg}/newsdecode.js";
const a = extract("x", { script: "simplified" });
render(a, "pdf");
const n: number = a.title;
`;
    const tsc = (file) => execFileSync(join(root, "node_modules/.bin/tsc"), [
      "--noEmit", "--strict", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler",
      "--lib", "es2022,dom", "--skipLibCheck", "false", file,
    ], { encoding: "utf8", stdio: "pipe" });
    writeFileSync(join(dir, "good.ts"), good);
    tsc(join(dir, "good.ts"));
    writeFileSync(join(dir, "bad.ts"), bad);
    let output = "";
    try {
      tsc(join(dir, "bad.ts"));
    } catch (error) {
      output = error.stdout;
    }
    assert.match(output, /"simplified"/);
    assert.match(output, /"pdf"/);
    assert.match(output, /Type 'string \| null' is not assignable to type 'number'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The zip writer's entry names: safe in any file system, unique ignoring case.
import { test } from "node:test";
import assert from "node:assert/strict";
import { safeNames, zip } from "../../www/zip.js";

test("entry names lose controls, bidi overrides and reserved characters", () => {
  assert.deepEqual(safeNames(["a\u0000b\nc.md", "evil\u202Etxt.exe.md", "x/../y:z.md", " .hidden. "]), [
    "a_b_c.md",
    "evil_txt.exe.md",
    "x_.._y_z.md",
    "hidden",
  ]);
});

test("device names, long names and repeats ignoring case", () => {
  const long = "长".repeat(300) + ".md";
  const [con, cut, a, b, c] = safeNames(["CON.md", long, "News.md", "news.md", "NEWS.md"]);
  assert.equal(con, "_CON.md");
  assert.equal([...cut].length, 100 + 3);
  assert.deepEqual([a, b, c], ["News.md", "news (2).md", "NEWS (3).md"]);
  assert.equal(safeNames([""])[0], "article");
});

test("the archive carries the safe names", async () => {
  const blob = await zip([{ name: "a\nb.md", text: "x" }, { name: "A_B.md", text: "y" }]);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  assert.ok(text.includes("a_b.md") && text.includes("A_B (2).md"), text);
  assert.ok(!text.includes("a\nb"));
});

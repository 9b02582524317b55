/**
 * Requirement sets: the manifest declares the minimum (Microsoft, "Specify Office applications and API
 * requirements": an add-in only loads where the sets in the manifest's <Requirements> are supported), the
 * rest is checked at run time; the README lists every set used. And the shared runtime's one task pane:
 * no TaskpaneId on the ShowTaskpane action.
 */
import fs from "fs";
import path from "path";
import { REQUIREMENTS } from "../../src/excel/requirements";

const root = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

test("the manifest declares exactly the minimum sets", () => {
  const block = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(manifest)![1];
  const declared = [...block.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  expect(declared.sort()).toEqual(
    REQUIREMENTS.filter((r) => r.inManifest)
      .map((r) => `${r.set} ${r.version}`)
      .sort(),
  );
});

test("the ShowTaskpane action has no TaskpaneId", () => {
  expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
  expect(manifest).not.toContain("<TaskpaneId>");
});

test("the README lists every requirement set used, and no longer the 5 MB limit as a known limit", () => {
  const section = /## Vereisten \/ Requirement sets([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
  for (const r of REQUIREMENTS) expect(section).toContain(`${r.set} ${r.version}`);
  const limits = /## Grenzen \/ Known limits([\s\S]*?)\n## /.exec(readme)![1];
  // The 5 MB payload limit, not a figure that ends in 5 (memory of 45 MB).
  expect(limits).not.toMatch(/\b5 MB/);
});

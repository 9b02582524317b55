/**
 * The report added to the user's .xlsx without rewriting it (src/xlsx/patch-xlsx.ts): what a reader sees is
 * what the ExcelJS round trip gives (the preview's writer until now), every part of the user's file that
 * does not list sheets, styles or strings is copied byte for byte, and a structure it does not follow gives
 * null (the caller then uses ExcelJS).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { loadSolver, readPlan, runPlan } from "../../src/model";
import { buildReport, type ReportSheet } from "../../src/model/report";
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { XlsxGateway } from "../../src/xlsx/gateway";
import { addReportSheets } from "../../src/xlsx/patch-xlsx";
import { raw, zipEntries } from "../../src/xlsx/zip-entries";
import { contents, defaultFont, reread, withoutDefaults } from "./workbook-contents";

const SAMPLE = new Uint8Array(
  fs.readFileSync(path.join(__dirname, "../../samples/voorbeeld-ministerie.xlsx")),
);

let sheets: ReportSheet[];
beforeAll(async () => {
  const { plan } = readPlan(tablesFromWorkbook(await loadWorkbook(SAMPLE)).tables);
  const result = runPlan(plan!, { solver: await loadSolver() });
  sheets = buildReport(result, {
    createdAt: new Date(Date.UTC(2026, 10, 29)),
    inputHash: "abc",
    version: "t",
  });
  // A name that needs escaping in XML.
  sheets.push({ ...sheets[sheets.length - 1], name: "Sc R&D <'Wonen'>" });
  expect(sheets.some((s) => s.conditional.length > 0)).toBe(true);
}, 60_000);

/** What the preview wrote until now: the workbook loaded by ExcelJS, the report added, all rewritten. */
async function throughExcelJs(original: Uint8Array): Promise<Uint8Array> {
  const gateway = new XlsxGateway(await loadWorkbook(original));
  const { renamed } = await gateway.writeReport(sheets);
  expect(renamed).toEqual([]);
  return gateway.toBuffer();
}

async function expectSameAsExcelJs(original: Uint8Array): Promise<Uint8Array> {
  const patched = await addReportSheets(original, sheets);
  expect(patched).not.toBeNull();
  const defaults = defaultFont(original);
  const seen = contents(await reread(patched!)).map((s) => withoutDefaults(s, defaults));
  const expected = contents(await reread(await throughExcelJs(original))).map((s) =>
    withoutDefaults(s, defaults),
  );
  expect(seen.map((s) => s.name)).toEqual(expected.map((s) => s.name));
  for (let i = 0; i < expected.length; i++) expect(seen[i]).toEqual(expected[i]);
  return patched!;
}

test("the sample with the report added reads as the ExcelJS round trip does, sheet for sheet and format for format", async () => {
  const patched = await expectSameAsExcelJs(SAMPLE);
  const names = contents(await reread(patched)).map((s) => s.name);
  expect(names).toContain("Sc R&D <'Wonen'>");
  // Not vacuous: the report's formats arrived (a bold filled cell, a ja/nee rule).
  const report = contents(await reread(patched)).find((s) => s.name === sheets[0].name)!;
  const cells = Object.values(report.cells) as { font?: { bold?: boolean }; fill?: unknown }[];
  expect(cells.some((c) => c.font?.bold && c.fill)).toBe(true);
  expect(report.conditional.length).toBeGreaterThan(0);
});

test("the user's parts are copied byte for byte; only the sheet list, links, types, styles and strings change", async () => {
  const patched = (await addReportSheets(SAMPLE, sheets))!;
  const before = zipEntries(SAMPLE);
  const after = zipEntries(patched);
  const changed = [
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
  ];
  for (const [name, e] of before) {
    expect(after.has(name)).toBe(true);
    if (changed.includes(name)) continue;
    expect(Buffer.from(raw(patched, after.get(name)!)).equals(Buffer.from(raw(SAMPLE, e)))).toBe(true);
  }
  expect(after.size).toBe(before.size + sheets.length);
  // The sheets that were there keep their place and their ids; the new ones follow.
  const book = strFromU8(unzipSync(patched)["xl/workbook.xml"]);
  const original = strFromU8(unzipSync(SAMPLE)["xl/workbook.xml"]);
  for (const sheet of original.match(/<sheet [^>]*\/>/g)!) expect(book).toContain(sheet);
});

test("a workbook without shared strings, number formats or conditional styles of its own", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Getallen");
  ws.getCell("A1").value = 1;
  ws.getCell("B2").value = 2.5;
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const files = unzipSync(bytes);
  expect(files["xl/sharedStrings.xml"]).toBeUndefined();
  expect(strFromU8(files["xl/styles.xml"])).not.toMatch(/<numFmt /);
  const patched = await expectSameAsExcelJs(bytes);
  expect(unzipSync(patched)["xl/sharedStrings.xml"]).toBeDefined();
});

test("a workbook part elsewhere than xl/workbook.xml is left to ExcelJS (null)", async () => {
  const files = unzipSync(SAMPLE);
  files["xl/boek.xml"] = files["xl/workbook.xml"];
  delete files["xl/workbook.xml"];
  const rels = strFromU8(files["_rels/.rels"]).replace("xl/workbook.xml", "xl/boek.xml");
  files["_rels/.rels"] = strToU8(rels);
  files["[Content_Types].xml"] = strToU8(
    strFromU8(files["[Content_Types].xml"]).replace("/xl/workbook.xml", "/xl/boek.xml"),
  );
  files["xl/_rels/boek.xml.rels"] = files["xl/_rels/workbook.xml.rels"];
  delete files["xl/_rels/workbook.xml.rels"];
  expect(await addReportSheets(zipSync(files), sheets)).toBeNull();
});

/** The sample with its styles part changed by `edit`. */
function withStyles(edit: (styles: string) => string): Uint8Array {
  const files = unzipSync(SAMPLE);
  files["xl/styles.xml"] = strToU8(edit(strFromU8(files["xl/styles.xml"])));
  return zipSync(files);
}

test("a number format id the user's conditional styles use is not given to a report format", async () => {
  // Excel may keep a conditional format's number format only in its dxf: id 170, not in numFmts.
  const bytes = withStyles((x) =>
    x.replace(
      /<dxfs count="0"\/>/,
      '<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.000"/></dxf></dxfs>',
    ),
  );
  const styles = strFromU8(unzipSync((await addReportSheets(bytes, sheets))!)["xl/styles.xml"]);
  const codes = new Map<string, Set<string>>();
  for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g))
    codes.set(m[1], (codes.get(m[1]) ?? new Set()).add(m[2]));
  expect([...codes.values()].every((c) => c.size === 1)).toBe(true);
  expect(codes.get("170")).toEqual(new Set(["0.000"]));
  // The report's own formats are there, numbered after 170.
  const added = [...codes.keys()].map(Number).filter((n) => n > 170);
  expect(added.length).toBeGreaterThan(0);
  // The user's conditional style keeps its place (dxf 0); the report's follow it.
  expect(styles).toMatch(/<dxfs count="\d+"><dxf><numFmt numFmtId="170"/);
});

test("the report's default font, fills and border are the user's own, not copies", async () => {
  const styles = strFromU8(unzipSync((await addReportSheets(SAMPLE, sheets))!)["xl/styles.xml"]);
  const count = (tag: string, xml: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)![1]);
  const user = strFromU8(unzipSync(SAMPLE)["xl/styles.xml"]);
  const { renderReportParts } = await import("../../src/xlsx/report-xml");
  const rendered = strFromU8(renderReportParts(sheets)["xl/styles.xml"]);
  expect(count("fonts", styles)).toBe(count("fonts", user) + count("fonts", rendered) - 1);
  expect(count("fills", styles)).toBe(count("fills", user) + count("fills", rendered) - 2);
  expect(count("borders", styles)).toBe(count("borders", user) + count("borders", rendered) - 1);
});

test("a report font takes what it leaves out (name, size) from the user's default font, not Excel's", async () => {
  // The sample with another default font: Aptos Narrow 10.
  const files = unzipSync(SAMPLE);
  const styles = strFromU8(files["xl/styles.xml"]).replace(
    /<font>[\s\S]*?<\/font>/,
    '<font><sz val="10"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/></font>',
  );
  const original = zipSync({ ...files, "xl/styles.xml": strToU8(styles) });
  const patched = (await reread((await addReportSheets(original, sheets))!)).getWorksheet(sheets[0].name)!;
  // The title: bold, 14 (its own size), in the workbook's font; a bold header: the workbook's font and size.
  expect(patched.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "Aptos Narrow" });
  const header = sheets[0].formats.find((f) => f.bold && !f.fontSize)!;
  const at = patched.getCell(header.row + 1, header.col + 1);
  expect(at.font).toMatchObject({ bold: true, size: 10, name: "Aptos Narrow" });
});

test("a sheet name the workbook already has (in any case) is left to ExcelJS (null)", async () => {
  const clash = [{ ...sheets[0], name: "FORMATIE" }];
  expect(await addReportSheets(SAMPLE, clash)).toBeNull();
});

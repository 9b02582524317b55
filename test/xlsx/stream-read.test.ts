/**
 * The bounded-memory reader (issue 11, scale) gives exactly the tables and markers of the in-memory reader,
 * on the sample and on workbooks built to be awkward: merged cells, formulas with and without results,
 * shared formulas, dates, rich text, errors, tables away from A1, totals rows, two tables for one input,
 * sheets without table definitions.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { addInputTable, loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";
import { readStreaming, readTablesStreaming } from "../../src/xlsx/stream-read";
import { integerAt, integerInBytes, numberAt, numberInBytes } from "../../src/xlsx/cell-numbers";
import { WorkbookUnreadable } from "../../src/xlsx/zip-check";
import { illustrativeMarks } from "../../src/xlsx/sources";
import { smallTables } from "../model/helpers";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function expectSameBothWays(bytes: Uint8Array, streamed = true) {
  const workbook = await loadWorkbook(bytes);
  // The tables, and the illustrative marks of the report's sources, as the in-memory reader finds them.
  const memory = { ...tablesFromWorkbook(workbook), marks: illustrativeMarks(workbook) };
  const stream = await readStreaming(bytes);
  if (streamed) {
    expect(stream).not.toBeNull();
    expect(stream).toStrictEqual(memory);
  } else expect(stream).toBeNull();
  // The preview's worker inflates with the platform's DecompressionStream: the same tables.
  expect(await readStreaming(bytes, undefined, undefined, undefined, { inflater: "platform" })).toStrictEqual(
    stream,
  );
  expect(await readTablesStreaming(bytes)).toStrictEqual(memory);
  return memory;
}

const t = smallTables();
const rest = (wb: ExcelJS.Workbook) => {
  for (const table of ["Inhuur", "Huisvesting", "Parameters", "Taakstelling"])
    addInputTable(wb, table as never, t[table]!.slice(1) as never);
};
const formationRows = () => t.Formatie!.slice(1) as never;

test("the sample reads the same both ways", async () => {
  const read = await expectSameBothWays(new Uint8Array(fs.readFileSync(SAMPLE)));
  expect(read.tables.Formatie!.length).toBeGreaterThan(10);
  // The sample's price table is marked illustrative; the streamed read finds the mark too.
  expect(read.marks.length).toBeGreaterThan(0);
});

test("merged cells, formulas, dates, rich text and errors give the same markers both ways", async () => {
  const read = await expectSameBothWays(
    await bytesOf((wb) => {
      rest(wb);
      const ws = addInputTable(wb, "Formatie", [...formationRows(), ...formationRows(), ...formationRows()]);
      ws.mergeCells("D2:D3");
      ws.mergeCells("A5:B6");
      ws.getCell("E2").value = { formula: "100000*1" } as ExcelJS.CellFormulaValue;
      ws.getCell("E3").value = { formula: "0*1", result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell("E4").value = { formula: "90000+1", result: 90001 } as ExcelJS.CellFormulaValue;
      ws.getCell("A4").value = { formula: '"B"', result: "B" } as ExcelJS.CellFormulaValue;
      ws.getCell("C7").value = { formula: "DATE(2026,1,1)", result: new Date(Date.UTC(2026, 0, 1)) };
      ws.getCell("C7").numFmt = "d-m-yyyy";
      ws.getCell("D8").value = new Date(Date.UTC(2026, 0, 1));
      ws.getCell("D8").numFmt = "d-m-yyyy";
      ws.getCell("D9").value = 3;
      ws.getCell("D9").numFmt = "0.0";
      ws.getCell("F2").value = { richText: [{ text: "n" }, { text: "ee", font: { bold: true } }] };
      ws.getCell("F3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      ws.getCell("F4").value = true;
      ws.getCell("F5").value = "a & <b> 'c' \"d\"";
      ws.getCell("B9").style = { font: { bold: true } };
    }),
  );
  const rows = read.tables.Formatie!;
  expect(rows[2][3]).toEqual(expect.objectContaining({ kind: "merged" }));
  expect(rows[1][4]).toEqual(expect.objectContaining({ kind: "formula" }));
  expect(rows[7][3]).toEqual(expect.objectContaining({ kind: "date" }));
});

test("shared formulas, with and without results, read the same both ways", async () => {
  await expectSameBothWays(
    await bytesOf((wb) => {
      rest(wb);
      const ws = addInputTable(wb, "Formatie", formationRows());
      ws.fillFormula("D2:D4", "10*1", [10, 20, 30]);
      ws.fillFormula("E2:E4", "C2*1000");
    }),
  );
});

test("a table away from A1 with a totals row, two tables for one input, a near-miss sheet name", async () => {
  await expectSameBothWays(
    await bytesOf((wb) => {
      rest(wb);
      const ws = wb.addWorksheet("Elders");
      ws.addTable({
        name: "Formatie",
        ref: "C3",
        totalsRow: true,
        columns: ["Eenheid", "Functiegroep", "Schaal", "FTE"].map((name) => ({
          name,
          totalsRowFunction: name === "FTE" ? "sum" : "none",
        })),
        rows: [
          ["A", "Primair", 10, 5],
          ["B", "Bedrijfsvoering", 8, 2],
        ],
      });
      const second = wb.addWorksheet("Tweede");
      second.addTable({
        name: "Formatie_",
        ref: "A1",
        columns: ["Eenheid", "Functiegroep", "Schaal", "FTE"].map((name) => ({ name })),
        rows: [["A", "Primair", 10, 5]],
      });
      wb.addWorksheet("Scenario's").addRow(["Scenario", "Hefboom", "Waarde"]);
      wb.addWorksheet("Notities").getCell("B2").value = "vrij blad";
    }),
  );
});

test("sheets without table definitions: header in row 1, styled and empty cells, merged ranges", async () => {
  await expectSameBothWays(
    await bytesOf((wb) => {
      const f = wb.addWorksheet("Formatie");
      for (const row of t.Formatie!) f.addRow(row as never);
      f.addRow([]);
      f.addRow(["C", "Primair", 9, 4, 70000, "ja", "extra beyond the header"]);
      f.getCell("D12").style = { font: { italic: true } };
      f.mergeCells("B3:C3");
      f.getCell("A9").value = new Date(Date.UTC(2025, 5, 1));
      const p = wb.addWorksheet("Parameters");
      for (const row of t.Parameters!) p.addRow(row as never);
      p.getCell("A1").value = { richText: [{ text: "Para" }, { text: "meter" }] };
      wb.addWorksheet("Taakstelling");
      const i = wb.addWorksheet("Inhuur");
      i.getCell("C5").value = 1;
    }),
  );
});

test("a hyperlink inside a table falls back to the in-memory reader, with the same result", async () => {
  await expectSameBothWays(
    await bytesOf((wb) => {
      rest(wb);
      const ws = addInputTable(wb, "Formatie", formationRows());
      ws.getCell("A2").value = { text: "A", hyperlink: "https://example.org" };
    }),
    false,
  );
});

test("an unreadable file is refused as before", async () => {
  const b = Buffer.from(fs.readFileSync(SAMPLE));
  for (let i = 200; i < b.length - 4000; i += 97) b[i] ^= 0x5a;
  await expect(readTablesStreaming(new Uint8Array(b))).rejects.toThrow(WorkbookUnreadable);
  await expect(readTablesStreaming(new Uint8Array(Buffer.from("Eenheid;FTE\n")))).rejects.toThrow(
    WorkbookUnreadable,
  );
});

test("a read told to stop (another workbook was opened) ends without tables", async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  expect(await readStreaming(bytes, undefined, undefined, undefined, { stopped: () => true })).toBeNull();
  expect(
    await readStreaming(bytes, undefined, undefined, undefined, { stopped: () => false }),
  ).not.toBeNull();
});

test("progress is reported per block of rows", async () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const seen: number[] = [];
  await readTablesStreaming(bytes, (rows) => seen.push(rows), 25);
  expect(seen.length).toBeGreaterThan(1);
  expect(seen).toEqual(seen.map((_, i) => 25 * (i + 1)));
});

test("random awkward cells, merges and formulas read the same both ways", async () => {
  const fc = (await import("fast-check")).default;
  const cell = fc.oneof(
    fc.constantFrom<unknown>(
      null,
      "",
      " ",
      "abc",
      "85.000",
      "1,5",
      -1,
      0,
      1e308,
      1e-320,
      true,
      false,
      "#N/A",
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string(),
    fc.constant(new Date(Date.UTC(2026, 0, 1))),
    fc.constant({ formula: "A1*2" }),
    fc.constant({ formula: "1+1", result: 2 }),
    fc.constant({ error: "#DIV/0!" }),
  );
  const sheet = fc.record({
    rows: fc.array(fc.array(cell, { minLength: 6, maxLength: 8 }), { minLength: 0, maxLength: 6 }),
    asTable: fc.boolean(),
    merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 7 }))),
  });
  await fc.assert(
    fc.asyncProperty(sheet, async ({ rows, asTable, merge }) => {
      const bytes = await bytesOf((wb) => {
        rest(wb);
        const header = ["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"];
        const ws = asTable
          ? addInputTable(wb, "Formatie", rows.map((r) => r.slice(0, 6)) as never)
          : wb.addWorksheet("Formatie");
        if (!asTable) ws.addRow(header);
        // In table form the seventh and eighth cells lie beside the table, outside it.
        rows.forEach((r, i) =>
          r.forEach((v, c) => (ws.getCell(i + 2, c + 1).value = v as ExcelJS.CellValue)),
        );
        if (rows.length > 0) ws.getCell(2, 4).numFmt = "d-m-yyyy";
        if (merge) ws.mergeCells(merge[0] + 1, merge[1] - 1, merge[0] + 2, merge[1]);
      });
      await expectSameBothWays(bytes);
    }),
    { numRuns: 60 },
  );
}, 120_000);

test("text beyond ASCII in the sheet itself reads the same with either inflater, however the pieces fall", async () => {
  // Formula results are stored in the sheet's XML (not the shared strings): thousands of them, so that the
  // inflaters' pieces end inside a character somewhere.
  const bytes = await bytesOf((wb) => {
    rest(wb);
    const rows = t.Formatie!.slice(1);
    const many = Array.from({ length: 3000 }, (_, i) => rows[i % rows.length]);
    addInputTable(wb, "Formatie", many as never);
    const ws = wb.getWorksheet("Formatie")!;
    for (let r = 2; r <= 3001; r++)
      ws.getCell(r, 1).value = { formula: '"Dienst"', result: `Dienst € ${r} – é ü 漢字 🙂` };
  });
  const memory = await expectSameBothWays(bytes);
  expect(memory.tables.Formatie![2][0]).toBe("Dienst € 3 – é ü 漢字 🙂");
});

test("numbers and shared-string indexes read from the sheet's text or bytes as parseFloat and parseInt read them", async () => {
  const fc = (await import("fast-check")).default;
  const same = (text: string) => {
    // Inside a longer text, as the scanner hands them over.
    const around = `<v>${text}</v>`;
    expect(Object.is(numberAt(around, 3, 3 + text.length), parseFloat(text))).toBe(true);
    expect(Object.is(integerAt(around, 3, 3 + text.length), parseInt(text, 10))).toBe(true);
    // And from the sheet's UTF-8 bytes (sheet-bytes-scanner.ts).
    const bytes = new TextEncoder().encode(around);
    const end = bytes.length - 4;
    expect(Object.is(numberInBytes(bytes, 3, end), parseFloat(text))).toBe(true);
    expect(Object.is(integerInBytes(bytes, 3, end), parseInt(text, 10))).toBe(true);
  };
  for (const text of ["0", "-0", "12", "1.7", "0.1", "0.3", "-12.75", "1.", ".5", "-.5", "-", ".", "1.2.3"])
    same(text);
  for (const text of [
    "1E-3",
    " 12",
    "12 ",
    "+5",
    "0x10",
    "Infinity",
    "123456789012345",
    "1234567890123456",
    "1,5 €",
    "½",
  ])
    same(text);
  for (const text of ["9007199254740993", "0.000000000000001", "99999999999999.9", "12345678901234567890"])
    same(text);
  fc.assert(
    fc.property(
      fc.boolean(),
      fc.stringMatching(/^[0-9]{1,17}$/),
      fc.option(fc.stringMatching(/^[0-9]{0,17}$/)),
      (negative, whole, fraction) =>
        same(`${negative ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`),
    ),
    { numRuns: 5000 },
  );
  fc.assert(fc.property(fc.double(), (d) => same(String(d))));
});

test("rows inside a comment or processing instruction before sheetData are not read (a second reader found them read)", async () => {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import("fflate");
  const plain = await bytesOf((wb) => {
    rest(wb);
    const ws = wb.addWorksheet("Formatie");
    ws.addRow(["Eenheid", "Functiegroep", "Schaal", "FTE", "Kosten per FTE", "Beschermd"]);
    ws.addRow(["Staf", "Primair", 10, 1, null, "nee"]);
  });
  const files = unzipSync(plain);
  // Formatie is the last sheet added.
  const sheetPath = `xl/worksheets/sheet${Object.keys(files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).length}.xml`;
  files[sheetPath] = strToU8(
    strFromU8(files[sheetPath]).replace(
      "<dimension",
      '<!-- <sheetData><row r="1"><c r="G1"><v>7</v></c></row><row r="3"><c r="A3"><v>9</v></c></row> -->' +
        '<?foo <sheetData><row r="4"><c r="B4"><v>9</v></c></row>?><dimension',
    ),
  );
  expect(strFromU8(files[sheetPath])).toContain("<!-- <sheetData>");
  const memory = await expectSameBothWays(zipSync(files));
  // Six columns and one data row, as Excel shows the sheet.
  expect(memory.tables.Formatie).toHaveLength(2);
  expect(memory.tables.Formatie![0]).toHaveLength(6);
});

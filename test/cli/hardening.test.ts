/**
 * The command line on hostile input (issue 11): the input is never overwritten however it is named, a
 * failed write leaves the old file untouched, an unwritable --out is refused before reading, an unreadable
 * file is exit 1 in Dutch and English, and piped output is complete.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { firstNonFinite } from "../../src/cli/finite";
import { safeSheetName, buildReport, MAX_CELL_TEXT } from "../../src/model/report";
import { checkXlsxZip, WorkbookUnreadable } from "../../src/xlsx/zip-check";
import { addInputTable } from "../../src/xlsx/workbook";
import { smallTables } from "../model/helpers";
import type { RunResult } from "../../src/model";
import { cli } from "./run-cli";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "samples/voorbeeld-ministerie.xlsx");
const BIN = path.join(ROOT, "bin/formatieplanner.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-hard-"));

const bytesOf = (f: string) => fs.readFileSync(f).toString("base64");

async function workbookWith(tables: Record<string, unknown[][] | undefined>, file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(tables))
    if (rows) addInputTable(wb, name as never, rows.slice(1) as never);
  const full = path.join(tmp, file);
  await wb.xlsx.writeFile(full);
  return full;
}

describe("the input workbook is never overwritten, whatever the flags", () => {
  const input = path.join(tmp, "invoer.xlsx");
  beforeAll(() => fs.copyFileSync(SAMPLE, input));
  test.each([
    [
      "a symbolic link to the input as --out",
      () => {
        const link = path.join(tmp, "link.xlsx");
        if (!fs.existsSync(link)) fs.symlinkSync(input, link);
        return ["run", input, "--out", link, "--force"];
      },
    ],
    [
      "a hard link to the input as --out",
      () => {
        const hard = path.join(tmp, "hard.xlsx");
        if (!fs.existsSync(hard)) fs.linkSync(input, hard);
        return ["run", input, "--out", hard, "--force"];
      },
    ],
    [
      "the input through a link, --out by its real path",
      () => {
        const link = path.join(tmp, "via-link.xlsx");
        if (!fs.existsSync(link)) fs.symlinkSync(input, link);
        return ["run", link, "--out", input, "--force"];
      },
    ],
    [
      "the input by a relative path with ./ and ..",
      () => {
        const rel = path.relative(process.cwd(), input);
        return [
          "run",
          input,
          "--out",
          path.join(path.dirname(rel), "..", path.basename(tmp), ".", "invoer.xlsx"),
          "--force",
        ];
      },
    ],
    [
      "a symbolic link to the input's folder",
      () => {
        const dirLink = path.join(os.tmpdir(), `fp-dirlink-${process.pid}`);
        if (!fs.existsSync(dirLink)) fs.symlinkSync(tmp, dirLink);
        return ["run", input, "--out", path.join(dirLink, "invoer.xlsx"), "--force"];
      },
    ],
  ])("%s: exit 2, input unchanged", async (_what, args) => {
    const before = bytesOf(input);
    const r = await cli(...(args as () => string[])());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invoerwerkmap zelf/);
    expect(bytesOf(input)).toBe(before);
  });
});

describe("--out is checked before reading, in one line", () => {
  // A corrupt input would be exit 1; exit 2 shows --out was refused before the input was read.
  const corrupt = path.join(tmp, "corrupt.xlsx");
  beforeAll(() => fs.writeFileSync(corrupt, "no zip"));
  test.each([
    ["a missing folder", () => path.join(tmp, "nope", "out.xlsx"), /map .* bestaat niet/],
    [
      "a folder",
      () => {
        const dir = path.join(tmp, "map.xlsx");
        fs.mkdirSync(dir, { recursive: true });
        return dir;
      },
      /is een map/,
    ],
    ["a file in place of the folder", () => path.join(corrupt, "out.xlsx"), /geen map|bestaat niet/],
  ])("%s", async (_what, out, message) => {
    const r = await cli("run", corrupt, "--out", (out as () => string)(), "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/ENOENT|EISDIR|at .*\.js/);
  });
});

test("a write that fails halfway leaves the old file untouched, no temporary file, exit 3 with the reason", async () => {
  const out = path.join(tmp, "bestaand.xlsx");
  fs.writeFileSync(out, "oude inhoud");
  // The fs module object itself (an `import * as` namespace cannot be spied on).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodeFs = require("fs") as typeof fs;
  const real = nodeFs.writeSync;
  const spy = jest.spyOn(nodeFs, "writeSync").mockImplementation(((
    fd: number,
    data: Uint8Array,
    offset?: number,
  ) => {
    // Part of the first chunk lands, then the disk is full (chunks can be small: the report is streamed).
    real(fd, data, offset ?? 0, Math.min(1000, data.length - (offset ?? 0)));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  }) as never);
  try {
    const r = await cli("run", SAMPLE, "--out", out, "--force");
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/de schijf is vol \(ENOSPC\)\. Een bestaand bestand is niet gewijzigd/);
  } finally {
    spy.mockRestore();
  }
  expect(fs.readFileSync(out, "utf8")).toBe("oude inhoud");
  expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  // And with --force and a working disk, the file is replaced whole.
  expect((await cli("run", SAMPLE, "--out", out, "--force")).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet("Vergelijking")).toBeDefined();
});

describe("an unreadable file is an input problem: exit 1, Dutch and English, JSON on --json", () => {
  const cases: [string, () => Buffer][] = [
    ["plain text", () => Buffer.from("Eenheid;FTE\nA;3\n")],
    ["an empty file", () => Buffer.alloc(0)],
    ["a truncated .xlsx", () => fs.readFileSync(SAMPLE).subarray(0, 9000)],
    [
      "an .xlsx with damaged contents",
      () => {
        const b = Buffer.from(fs.readFileSync(SAMPLE));
        for (let i = 200; i < b.length - 4000; i += 97) b[i] ^= 0x5a;
        return b;
      },
    ],
    [
      "an old .xls",
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]),
    ],
  ];
  test.each(cases)("%s", async (name, make) => {
    const file = path.join(tmp, `${name.replace(/\W/g, "-")}.xlsx`);
    fs.writeFileSync(file, make());
    const r = await cli("run", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\.xlsx|\.xls/);
    expect(r.stderr).not.toMatch(/zip file|uncompressed|size mismatch|Error:|at .*\.js|stack/i);
    const j = await cli("check", file, "--json");
    expect(j.code).toBe(1);
    const out = JSON.parse(j.stdout);
    expect(out.scenarios).toEqual([]);
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0].severity).toBe("error");
  });

  test("a workbook beyond the uncompressed-size limit is refused before inflating", () => {
    const bytes = fs.readFileSync(SAMPLE);
    expect(() => checkXlsxZip(bytes, 10_000)).toThrow(WorkbookUnreadable);
    expect(() => checkXlsxZip(bytes, 10_000)).toThrow(/limit/);
    expect(() => checkXlsxZip(bytes)).not.toThrow();
  });
});

test("sheet names follow Excel's rules after the cut to 31 characters, in linear time", () => {
  // Cut to 31 characters the name ends in an apostrophe, which Excel refuses: cleaned after the cut.
  expect(safeSheetName("Sc Korting bedrijfsvoering DG 'Wonen'")).toBe("Sc Korting bedrijfsvoering DG");
  expect(safeSheetName("'a:b/c?'")).toBe("a-b-c-");
  expect(safeSheetName("''''")).toBe("Scenario");
  expect(safeSheetName("History")).toBe("Scenario");
  const started = Date.now();
  expect(safeSheetName("Sc " + "'".repeat(200_000))).toBe("Sc");
  expect(Date.now() - started).toBeLessThan(500);
});

test("a scenario whose sheet name would end in an apostrophe writes fine; cells stay within 32,767 characters", async () => {
  const t = smallTables({
    Scenarios: [
      ["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"],
      [
        "Korting bedrijfsvoering DG 'Wonen'",
        "Gerichte korting",
        0.1,
        'functiegroep == "Bedrijfsvoering"',
        null,
        null,
      ],
      ["L" + "x".repeat(40_000), "Kaasschaaf", 0.05, null, null, null],
    ],
  });
  const file = await workbookWith(t as Record<string, unknown[][]>, "apostrof.xlsx");
  const out = path.join(tmp, "apostrof-uit.xlsx");
  const r = await cli("run", file, "--out", out);
  expect(r.stderr).not.toMatch(/at .*\.js/);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  for (const ws of wb.worksheets) {
    expect(ws.name.endsWith("'")).toBe(false);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") expect(cell.value.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
      }),
    );
  }
});

test("a non-finite figure is found before anything is printed", () => {
  const result = {
    scenarios: [{ name: "S", years: [{ year: 2030, fte: NaN }] }],
    comparison: [],
  } as unknown as RunResult;
  expect(firstNonFinite(result)).toBe("scenario 'S', 2030, fte");
  expect(buildReport).toBeDefined();
});

describe("the installed command", () => {
  beforeAll(() => {
    // Always against the current sources: a stale lib/ would test old code.
    execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT });
  }, 300_000);

  test("run --json piped into a slow reader arrives whole (no exit with output pending)", async () => {
    const rows: unknown[][] = [["Scenario", "Hefboom", "Waarde", "Filter", "Inbesteden", "Volgorde"]];
    for (let i = 0; i < 60; i++) rows.push([`Scenario ${i}`, "Kaasschaaf", (i + 1) / 100, null, null, null]);
    const file = await workbookWith(
      smallTables({ Scenarios: rows }) as Record<string, unknown[][]>,
      "groot.xlsx",
    );
    const r = spawnSync(
      "bash",
      ["-c", `node "${BIN}" run "${file}" --json | (sleep 1.5; cat); exit \${PIPESTATUS[0]}`],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    const out = JSON.parse(r.stdout);
    expect(out.scenarios).toHaveLength(61);
  });

  test("the link cases through the binary: exit 2 and the input unchanged", () => {
    const input = path.join(tmp, "bin-invoer.xlsx");
    fs.copyFileSync(SAMPLE, input);
    const link = path.join(tmp, "bin-link.xlsx");
    fs.symlinkSync(input, link);
    const before = bytesOf(input);
    const r = spawnSync("node", [BIN, "run", input, "--out", link, "--force"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(bytesOf(input)).toBe(before);
  });
});

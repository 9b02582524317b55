/**
 * functions.json is generated from the JSDoc in src/functions; functions-nl.json adds the Dutch names. Both
 * must list exactly the functions there, and every name must follow Microsoft's naming rules
 * (learn.microsoft.com, "Custom functions naming and localization"):
 *   "Both [name and id] must start with a letter and be at least three characters."
 *   "id: Only A-Z, 0-9, underscore, and period characters are allowed."
 *   "name: Any Unicode alphabetic characters, underscore, and period characters are allowed."
 *   "Avoid names that match: A cell reference (A1 to XFD1048576 or R1C1 to R1048576C16384). An Excel 4.0
 *   Macro Function (such as RUN, ECHO)."
 * and never a built-in worksheet function in any language (FP.INDEX would shadow INDEX).
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import nl from "../../src/functions/functions-nl.json";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dutchMetadata } = require("../../scripts/functions-metadata.js") as {
  dutchMetadata: (
    english: { functions: FunctionMetadata[] },
    nl: unknown,
  ) => { functions: FunctionMetadata[] };
};

const source = path.resolve(__dirname, "../../src/functions/functions.ts");

interface Parameter {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

let metadata: FunctionMetadata[];
let dutch: FunctionMetadata[];
let associations: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([source], true);
  expect(result.errors).toEqual([]);
  const english = JSON.parse(result.metadataJson);
  metadata = english.functions;
  dutch = dutchMetadata(english, nl).functions;
  associations = result.associate;
});

const EXPECTED = [
  "OVERHEAD",
  "OVERHEADSHARE",
  "OVERHEADGAP",
  "ROEMER",
  "ROEMERGAP",
  "WORKPLACES",
  "OFFICEM2",
  "INDEXED",
  "ATTRITION",
  "FORCEDEXITS",
  "CHEESESLICE",
  "SCENARIO",
  "COMPARE",
];

/** Built-in worksheet function names in the 17 languages HyperFormula translates (Dutch and English among them). */
function builtInNames(): Set<string> {
  const dir = path.dirname(require.resolve("hyperformula/commonjs/i18n/languages/nlNL.js"));
  const names = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => /^[a-z]{2}[A-Z]{2}\.js$/.test(f))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const language = require(path.join(dir, file));
    const dictionary = (language.default ?? language) as { functions: Record<string, string> };
    for (const [english, translated] of Object.entries(dictionary.functions)) {
      names.add(english.toUpperCase());
      names.add(translated.toUpperCase());
    }
  }
  return names;
}

/** Excel 4.0 macro functions with names a planning add-in might pick (the docs' examples RUN and ECHO first). */
const MACRO_FUNCTIONS = [
  "RUN",
  "ECHO",
  "GOTO",
  "HALT",
  "RETURN",
  "RESULT",
  "ARGUMENT",
  "FORMULA",
  "SELECTION",
  "CALCULATE",
  "CALCULATION",
  "SCENARIO.ADD",
  "SCENARIO.GET",
  "SCENARIO.SHOW",
  "SCENARIO.SUMMARY",
  "TABLE",
  "OPEN",
  "SAVE",
  "CLOSE",
  "INPUT",
  "ALERT",
  "MESSAGE",
  "WORKBOOK.NAME",
  "EVALUATE",
  "REGISTER",
  "CALL",
  "EXEC",
];

/** A1 to XFD1048576, or R1C1 to R1048576C16384 (also the relative forms R, C, RC). */
function looksLikeCellAddress(name: string): boolean {
  const a1 = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/i.exec(name);
  if (a1) {
    const col = [...a1[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    if (col <= 16384 && Number(a1[2]) <= 1048576) return true;
  }
  return /^R[0-9]*C[0-9]*$/i.test(name) || /^[RC][0-9]*$/i.test(name);
}

function namingProblems(kind: "id" | "name", value: string, builtIns: Set<string>): string[] {
  const problems: string[] = [];
  if (!/^\p{L}/u.test(value)) problems.push("does not start with a letter");
  if (value.length < 3) problems.push("has fewer than three characters");
  if (kind === "id" && !/^[A-Z0-9_.]+$/.test(value)) problems.push("has characters other than A-Z 0-9 _ .");
  if (kind === "name" && !/^[\p{L}\p{N}_.]+$/u.test(value))
    problems.push("has characters Excel does not allow");
  if (looksLikeCellAddress(value)) problems.push("looks like a cell address");
  if (builtIns.has(value.toUpperCase())) problems.push("is a built-in Excel function");
  if (MACRO_FUNCTIONS.includes(value.toUpperCase())) problems.push("is an Excel 4.0 macro function");
  return problems.map((p) => `${kind} ${value} ${p}`);
}

test("the naming check itself catches the names it must refuse", () => {
  const builtIns = builtInNames();
  expect(builtIns.has("INDEX")).toBe(true);
  expect(builtIns.has("VERGELIJKEN")).toBe(true);
  expect(builtIns.has("SOM")).toBe(true);
  expect(namingProblems("id", "M2", builtIns)).toEqual([
    "id M2 has fewer than three characters",
    "id M2 looks like a cell address",
  ]);
  expect(namingProblems("id", "INDEX", builtIns)).toEqual(["id INDEX is a built-in Excel function"]);
  expect(namingProblems("name", "XFD1048576", builtIns)).toEqual([
    "name XFD1048576 looks like a cell address",
  ]);
  expect(namingProblems("name", "R12C3", builtIns)).toEqual(["name R12C3 looks like a cell address"]);
  expect(namingProblems("name", "XFE1", builtIns)).toEqual([]);
  expect(namingProblems("name", "RUN", builtIns)).toEqual(["name RUN is an Excel 4.0 macro function"]);
});

test("every id and every English and Dutch name follows the documented naming rules", () => {
  const builtIns = builtInNames();
  const problems = [
    ...metadata.flatMap((f) => [
      ...namingProblems("id", f.id, builtIns),
      ...namingProblems("name", f.name, builtIns),
    ]),
    ...dutch.flatMap((f) => namingProblems("name", f.name, builtIns)),
  ];
  expect(problems).toEqual([]);
  for (const list of [metadata, dutch]) expect(new Set(list.map((f) => f.name)).size).toBe(list.length);
});

test("functions.json has exactly the FP ids of the issues; functions-nl.json the same ids", () => {
  expect(metadata.map((f) => f.id).sort()).toEqual([...EXPECTED].sort());
  expect(dutch.map((f) => f.id)).toEqual(metadata.map((f) => f.id));
  expect(Object.keys(nl.functions).sort()).toEqual([...EXPECTED].sort());
});

test("Dutch Excel gets Dutch names, descriptions and parameter names; other languages English", () => {
  const byId = new Map(dutch.map((f) => [f.id, f]));
  expect(byId.get("ROEMER")!.name).toBe("ROEMERAANDEEL");
  expect(byId.get("OVERHEAD")!.name).toBe("OVERHEADRATIO");
  expect(byId.get("OFFICEM2")!.name).toBe("KANTOORM2");
  expect(byId.get("COMPARE")!.name).toBe("VERGELIJK");
  expect(byId.get("ROEMER")!.parameters.map((p) => p.name)).toEqual(["inhuur", "eigenPersoneel"]);
  expect(byId.get("ROEMER")!.description).toMatch(/inhuur/);
  const english = new Map(metadata.map((f) => [f.id, f]));
  expect(english.get("OFFICEM2")!.name).toBe("OFFICEM2");
  expect(english.get("ROEMER")!.description).toMatch(/hire/);
  for (const f of dutch) {
    const e = english.get(f.id)!;
    expect(f.parameters.map((p) => [p.dimensionality, p.optional])).toEqual(
      e.parameters.map((p) => [p.dimensionality, p.optional]),
    );
    expect(f.helpUrl).toBe(e.helpUrl);
    expect(f.description).not.toBe(e.description);
  }
});

test("every exported function is in functions.json and every entry is exported", () => {
  const exported = Object.entries(functions)
    .filter(([, v]) => typeof v === "function")
    .map(([k]) => k)
    .sort();
  expect(associations.map((a) => a.functionName).sort()).toEqual(exported);
});

test("ranges are matrix parameters, optional flags are set, spills return a matrix", () => {
  const byId = new Map(metadata.map((f) => [f.id, f]));
  const param = (id: string, name: string) => byId.get(id)!.parameters.find((p) => p.name === name)!;
  expect(param("OVERHEADSHARE", "groups").dimensionality).toBe("matrix");
  expect(param("OVERHEADSHARE", "fte").dimensionality).toBe("matrix");
  expect(param("CHEESESLICE", "values").dimensionality).toBe("matrix");
  expect(param("OVERHEADGAP", "norm").optional).toBe(true);
  expect(param("ROEMERGAP", "norm").optional).toBe(true);
  expect(param("WORKPLACES", "factor").optional).toBe(true);
  expect(param("OFFICEM2", "factor").optional).toBe(true);
  expect(param("ROEMER", "externalSpend").optional).toBeFalsy();
  for (const id of ["SCENARIO", "COMPARE"]) {
    for (const t of ["formation", "parameters", "scenarios", "hire", "housing", "prices", "targets"])
      expect(param(id, t).dimensionality).toBe("matrix");
    expect(param(id, "hire").optional).toBe(true);
    expect(param(id, "scenarios").optional).toBeFalsy();
    expect(byId.get(id)!.result.dimensionality).toBe("matrix");
  }
  expect(param("SCENARIO", "measure").optional).toBe(true);
  expect(byId.get("ATTRITION")!.result.dimensionality).toBe("matrix");
  expect(byId.get("CHEESESLICE")!.result.dimensionality).toBe("matrix");
  expect(byId.get("ROEMER")!.result.dimensionality).toBeUndefined();
});

test("every function has a bundled help page in Dutch and English with both names and a worked example", () => {
  const byId = new Map(dutch.map((f) => [f.id, f]));
  for (const f of metadata) {
    expect(f.description.length).toBeGreaterThan(10);
    expect(f.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\/[a-z0-9]+\.html$/);
    const file = path.resolve(__dirname, "../../assets/help", path.basename(new URL(f.helpUrl).pathname));
    expect(fs.existsSync(file)).toBe(true);
    const html = fs.readFileSync(file, "utf8");
    expect(html).toContain(`FP.${f.name}`);
    expect(html).toContain(`FP.${byId.get(f.id)!.name}`);
    expect(html).toContain('lang="nl"');
    expect(html).toContain('lang="en"');
    expect(html).toMatch(/Voorbeeld[\s\S]*=FP\./);
    expect(html).toMatch(/Example[\s\S]*=FP\./);
    // #DIV/0! has no message in Excel: its reason must be in the help.
    if (
      /divisionByZero\(\)/.test(
        fs.readFileSync(source, "utf8").split(`@customfunction ${f.id}\n`)[1]?.split("@customfunction")[0] ??
          "",
      )
    )
      expect(html).toMatch(/#DEEL\/0![\s\S]*#DIV\/0!/);
  }
});

test("FP.OVERHEADSHARE's help shows structured references, never whole columns", () => {
  const html = fs.readFileSync(path.resolve(__dirname, "../../assets/help/overheadshare.html"), "utf8");
  expect(html).toContain("Formatie[FTE]");
  expect(html).not.toMatch(/=FP\.[A-Z]+\([^)]*\b[A-Z]{1,3}:[A-Z]{1,3}\b/);
});

test("the functions never call the Excel API", () => {
  for (const file of fs.readdirSync(path.dirname(source)).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(path.dirname(source), file), "utf8");
    expect(text).not.toMatch(/\bExcel\.\w|context\.sync/);
  }
});

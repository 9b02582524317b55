/** functions.json is generated from the JSDoc in src/functions; it must list exactly the functions there. */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

const source = path.resolve(__dirname, "../../src/functions/functions.ts");

interface Parameter {
  name: string;
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
let associations: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([source], true);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson).functions;
  associations = result.associate;
});

const EXPECTED = [
  "OVERHEAD",
  "OVERHEADSHARE",
  "OVERHEADGAP",
  "ROEMER",
  "ROEMERGAP",
  "WORKPLACES",
  "M2",
  "INDEX",
  "ATTRITION",
  "FORCEDEXITS",
  "CHEESESLICE",
];

test("functions.json has exactly the FP ids of the issue", () => {
  expect(metadata.map((f) => f.id).sort()).toEqual([...EXPECTED].sort());
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
  expect(param("M2", "factor").optional).toBe(true);
  expect(param("ROEMER", "externalSpend").optional).toBeFalsy();
  expect(byId.get("ATTRITION")!.result.dimensionality).toBe("matrix");
  expect(byId.get("CHEESESLICE")!.result.dimensionality).toBe("matrix");
  expect(byId.get("ROEMER")!.result.dimensionality).toBeUndefined();
});

test("every function has a Dutch description and a bundled help page in Dutch and English", () => {
  for (const f of metadata) {
    expect(f.description.length).toBeGreaterThan(10);
    const file = path.resolve(__dirname, "../../assets/help", path.basename(new URL(f.helpUrl).pathname));
    expect(fs.existsSync(file)).toBe(true);
    const html = fs.readFileSync(file, "utf8");
    expect(html).toContain(`FP.${f.id}`);
    expect(html).toContain('lang="nl"');
    expect(html).toContain('lang="en"');
    expect(html).toMatch(/Voorbeeld[\s\S]*=FP\./);
    expect(html).toMatch(/Example[\s\S]*=FP\./);
  }
});

test("the functions never call the Excel API", () => {
  const text = fs.readFileSync(source, "utf8");
  expect(text).not.toMatch(/Excel\.|context\.sync/);
});

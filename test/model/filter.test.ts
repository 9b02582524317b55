/** Filters run in a mathjs sandbox that sees only the row fields. */
import { compileFilter, FilterError } from "../../src/model";

const row = { eenheid: "DG Wonen", functiegroep: "Bedrijfsvoering", schaal: 11, fte: 4 };

test("comparisons, logic and text equality (case- and language-insensitive)", () => {
  expect(compileFilter('functiegroep == "Bedrijfsvoering" and schaal >= 11')!.evaluate(row)).toBe(true);
  expect(compileFilter('functiegroep == "operations"')!.evaluate(row)).toBe(true);
  expect(compileFilter('eenheid != "DG Wonen" or fte < 2')!.evaluate(row)).toBe(false);
  expect(compileFilter("not (schaal > 12) and max(fte, 1) == 4")!.evaluate(row)).toBe(true);
  expect(compileFilter("")).toBeNull();
  expect(compileFilter('functiegroep == "Primair"')!.fields).toEqual(["functiegroep"]);
});

const attacks: [string, RegExp][] = [
  ["import({evaluate: 1}, {override: true})", /import/],
  ['createUnit("foo")', /createUnit/],
  ['evaluate("1 + 1")', /evaluate/],
  ['parse("1")', /parse/],
  ['simplify("x + x")', /simplify/],
  ['derivative("x^2", "x")', /derivative/],
  ['resolve("x", {})', /resolve/],
  ["compile('1')", /compile/],
  ["eenheid.constructor", /toegang tot eigenschappen|AccessorNode/],
  ['eenheid["constructor"]', /toegang|AccessorNode/],
  ['abs.constructor("return process")()', /./],
  ["__proto__", /Onbekend veld '__proto__'|Unknown field/],
  ["constructor", /constructor/],
  ["x = 1", /AssignmentNode|toewijzing/],
  ["f(x) = x", /FunctionAssignmentNode|functie/],
  ["{a: 1}", /ObjectNode|objecten/],
  ["[1, 2]", /ArrayNode|lijsten/],
  ["1:3", /RangeNode|bereiken/],
  ["schaal > 1; schaal < 3", /BlockNode|meerdere/],
  ["5 cm", /Onbekend veld 'cm'|Unknown field/],
  ['eenheid > "A"', /Tekst kan alleen/],
  ["a".repeat(600), /te lang|too long/],
];

test.each(attacks)("refuses %s", (text, message) => {
  let caught: unknown;
  try {
    compileFilter(text);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(FilterError);
  const e = caught as FilterError;
  expect(`${e.messageNl} ${e.messageEn}`).toMatch(message);
});

test("a filter that gives no yes/no result is refused at evaluation", () => {
  const f = compileFilter("schaal + 1")!;
  expect(f.evaluate(row)).toBe(true);
  expect(() => compileFilter('"tekst"')!.evaluate(row)).toThrow(FilterError);
});

test("the sandbox cannot reach the Node.js process", () => {
  for (const text of ["process", "require", "globalThis", "this", "Function"]) {
    expect(() => compileFilter(text)).toThrow(FilterError);
  }
});

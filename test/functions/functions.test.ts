/** FP.* functions: normal, edge and error cases; errors are CustomFunctions.Error with a Dutch message. */
import * as FP from "../../src/functions/functions";

type Fn = (...args: never[]) => unknown;
function excelError(fn: Fn, ...args: unknown[]): { code: string; message: string } {
  try {
    (fn as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error("expected an Excel error");
}

describe("FP.ROEMER and FP.ROEMERGAP", () => {
  test("the published Justitie figures", () => {
    expect(Math.round(FP.roemer(319445, 1726181) * 10000) / 10000).toBe(0.1562);
    expect(Math.round(FP.roemer(259962, 1684845) * 10000) / 10000).toBe(0.1337);
  });
  test("edge and error cases", () => {
    expect(FP.roemer(0, 100)).toBe(0);
    expect(FP.roemer(100, 0)).toBe(1);
    expect(excelError(FP.roemer, 0, 0)).toEqual({ code: "#DIV/0!", message: "" });
    expect(excelError(FP.roemer, "veel", 10)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/externalSpend/),
    });
    expect(excelError(FP.roemer, 10, -1)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/eigenPersoneel \(ownPersonnelSpend\) mag niet negatief/),
    });
    expect(excelError(FP.roemer, "#N/A", 10).code).toBe("#VALUE!");
    expect(excelError(FP.roemer, null, 10).message).toMatch(/leeg/);
  });
  test("gap above the norm; zero when below; norm checked", () => {
    expect(FP.roemerGapAmount(319445, 1726181)).toBeCloseTo(319445 - 1726181 / 9, 6);
    expect(FP.roemerGapAmount(319445, 1726181, 0.2)).toBe(0);
    expect(FP.roemerGapAmount(100, 900, null)).toBeCloseTo(0, 9);
    expect(excelError(FP.roemerGapAmount, 1, 1, 1.5)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/norm/),
    });
    expect(excelError(FP.roemerGapAmount, 1, 1, 1).code).toBe("#VALUE!");
  });
});

describe("FP.OVERHEAD, FP.OVERHEADSHARE, FP.OVERHEADGAP", () => {
  test("ratio and errors", () => {
    expect(FP.overhead(1000, 2000)).toBe(0.5);
    expect(excelError(FP.overhead, 1, 0).code).toBe("#DIV/0!");
    expect(excelError(FP.overhead, 3, 2).message).toMatch(/groter dan totaalFte \(totalFte\)/);
    expect(excelError(FP.overhead, -1, 2).message).toMatch(/overheadFte/);
  });
  test("share from the table columns, blanks ignored, header of a whole column skipped", () => {
    const groups = [
      ["Functiegroep"],
      ["Primair"],
      ["Bedrijfsvoering"],
      [""],
      ["Lijnmanagement"],
      [null],
      ["Operations"],
    ];
    const fte = [["FTE"], [60], [20], [""], [10], [null], [10]];
    expect(FP.overheadShare(groups, fte)).toBeCloseTo(0.4, 12);
  });
  test("share errors name the row", () => {
    expect(excelError(FP.overheadShare, [["Primair"], ["Beleid"]], [[1], [2]]).message).toMatch(
      /rij 2: onbekende functiegroep 'Beleid'/,
    );
    expect(excelError(FP.overheadShare, [["Primair"], ["Primair"]], [[1]]).message).toMatch(/even groot/);
    expect(excelError(FP.overheadShare, [["Primair"]], [["tien"]]).message).toMatch(/fte rij 1/);
    expect(excelError(FP.overheadShare, [["Primair"]], [[0]]).code).toBe("#DIV/0!");
    expect(excelError(FP.overheadShare, [["Primair"]], [[-3]]).message).toMatch(/negatief/);
  });
  test("gap to the norm with its default", () => {
    expect(FP.overheadGapFte(1000, 2000)).toBeCloseTo(300 / 0.65, 9);
    expect(FP.overheadGapFte(1000, 2000, 0.5)).toBe(0);
    expect(FP.overheadGapFte(100, 1000)).toBe(0);
    expect(excelError(FP.overheadGapFte, 1, 2, -0.1).code).toBe("#VALUE!");
  });
});

describe("housing, index, attrition", () => {
  test("workplaces and m2", () => {
    expect(FP.workplaces(2000)).toBeCloseTo(1400, 9);
    expect(FP.workplaces(2000, 0.9)).toBeCloseTo(1800, 9);
    expect(FP.officeM2(2000, 20)).toBeCloseTo(28000, 6);
    expect(FP.officeM2(10, 20, 1)).toBe(200);
    expect(excelError(FP.officeM2, 10, "twintig").message).toMatch(/m2PerWorkplace/);
  });
  test("index", () => {
    expect(FP.indexed(100000, 0.03, 4)).toBeCloseTo(112550.881, 3);
    expect(FP.indexed(100, 0, 10)).toBe(100);
    expect(excelError(FP.indexed, -5, 0.1, 1).code).toBe("#VALUE!");
  });
  test("attrition spills a row", () => {
    const out = FP.attrition(100, 0.06, 3);
    expect(out).toHaveLength(1);
    expect(out[0].map((v) => Math.round(v * 100) / 100)).toEqual([94, 88.36, 83.06]);
    expect(excelError(FP.attrition, 100, 0.06, 0).code).toBe("#VALUE!");
    expect(excelError(FP.attrition, 100, 0.06, 2.5).message).toMatch(/geheel getal/);
    expect(excelError(FP.attrition, 100, 1.5, 2).message).toMatch(/rate/);
  });
  test("forced exits", () => {
    expect(FP.forcedExits(100, 80, 0.06, 2)).toBeCloseTo(20 - 100 * (1 - 0.94 ** 2), 9);
    expect(FP.forcedExits(100, 95, 0.06, 1)).toBe(0);
    expect(FP.forcedExits(100, 120, 0.06, 1)).toBe(0);
    expect(excelError(FP.forcedExits, 100, -1, 0.06, 1).message).toMatch(/fteTarget/);
  });
});

describe("FP.CHEESESLICE", () => {
  test("every value cut by the same fraction, same shape, blanks kept", () => {
    expect(FP.cheeseSliceRange([[100], [200], [300]], 30)).toEqual([[95], [190], [285]]);
    expect(
      FP.cheeseSliceRange(
        [
          [100, ""],
          [null, 300],
        ],
        40,
      ),
    ).toEqual([
      [90, ""],
      ["", 270],
    ]);
    const out = FP.cheeseSliceRange([[1], [2], [3]], 6);
    expect(out).toEqual([[0], [0], [0]]);
  });
  test("errors", () => {
    expect(excelError(FP.cheeseSliceRange, [[1], [2]], 4).message).toMatch(/groter dan het totaal/);
    expect(excelError(FP.cheeseSliceRange, [[0], [""]], 0).code).toBe("#DIV/0!");
    expect(excelError(FP.cheeseSliceRange, [[1], ["x"]], 1).message).toMatch(/rij 2, kolom 1/);
  });
});

test("a single cell passed where a range goes is accepted", () => {
  expect(FP.overheadShare("Bedrijfsvoering" as never, 3 as never)).toBe(1);
});

describe("Excel's rules for errors and values (CustomFunctions.ErrorCode, data types, resource limits)", () => {
  test("#DIV/0! carries no message: 'A custom error message can't be used' with it (CustomFunctions.ErrorCode)", () => {
    for (const [fn, args] of [
      [FP.overhead, [1, 0]],
      [FP.roemer, [0, 0]],
      [FP.overheadShare, [[["Primair"]], [[0]]]],
      [FP.cheeseSliceRange, [[[0]], 0]],
    ] as [Fn, unknown[]][]) {
      const e = excelError(fn, ...args);
      expect(e.code).toBe("#DIV/0!");
      expect(e.message).toBeFalsy();
    }
  });
  test("messages on #VALUE! name the argument in Dutch and English", () => {
    expect(excelError(FP.roemer, "veel", 10).message).toMatch(/inhuur \(externalSpend\) moet een getal zijn/);
  });
  test("a data-type cell gets a clear message, never [object Object]", () => {
    // "Custom functions use the same JSON schema for data types as the Excel JavaScript API"
    // (learn.microsoft.com, Use data types with custom functions): an EntityCellValue is an object.
    const entity = {
      type: "Entity",
      text: "DG Wonen",
      properties: { FTE: { type: "Double", basicValue: 3 } },
    };
    const e = excelError(FP.roemer, entity, 10);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/gegevenstype \(Entity\) 'DG Wonen'/);
    expect(e.message).not.toMatch(/object Object/);
    const inRange = excelError(FP.overheadShare, [["Primair"], [entity]], [[1], [2]]);
    expect(inRange.message).toMatch(/rij 2, kolom 1.*gegevenstype/);
    // A formatted number is a number.
    expect(FP.roemer({ type: "FormattedNumber", basicValue: 10, numberFormat: "0" }, 90)).toBeCloseTo(
      0.1,
      12,
    );
  });
  test("a range over Excel's 5 MB payload limit gets a clear #VALUE!", () => {
    // "Resource limits and performance optimization for Office Add-ins": Excel on the web has a 5 MB
    // limit for requests and responses. A whole column (1,048,576 rows) is over it.
    const rows = 1_048_576;
    const groups = Array.from({ length: rows }, (_, i) => [i < 3 ? "Primair" : ""]);
    const fte = Array.from({ length: rows }, (_, i) => [i < 3 ? 1 : ""]);
    const e = excelError(FP.overheadShare, groups, fte);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/hoogstens 5 MB.*Formatie\[FTE\]/);
    // 2,000 rows are fine.
    expect(FP.overheadShare(groups.slice(0, 2000), fte.slice(0, 2000))).toBe(0);
  });
});

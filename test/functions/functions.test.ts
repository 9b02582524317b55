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
    expect(excelError(FP.roemer, 0, 0)).toEqual({ code: "#DIV/0!", message: expect.any(String) });
    expect(excelError(FP.roemer, "veel", 10)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/externalSpend/),
    });
    expect(excelError(FP.roemer, 10, -1)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/ownPersonnelSpend mag niet negatief/),
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
    expect(excelError(FP.overhead, 3, 2).message).toMatch(/groter dan totalFte/);
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
    expect(FP.m2(2000, 20)).toBeCloseTo(28000, 6);
    expect(FP.m2(10, 20, 1)).toBe(200);
    expect(excelError(FP.m2, 10, "twintig").message).toMatch(/m2PerWorkplace/);
  });
  test("index", () => {
    expect(FP.index(100000, 0.03, 4)).toBeCloseTo(112550.881, 3);
    expect(FP.index(100, 0, 10)).toBe(100);
    expect(excelError(FP.index, -5, 0.1, 1).code).toBe("#VALUE!");
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

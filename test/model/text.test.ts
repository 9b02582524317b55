/** Small text helpers of the model (src/model/text.ts). */
import { isExcelError, perSpelling } from "../../src/model/text";

test("perSpelling reads each value once, remembers an undefined answer too, and stops remembering at 1,000", () => {
  const reads: unknown[] = [];
  const lookup = perSpelling((value) => {
    reads.push(value);
    return value === "Primair" ? 0 : undefined;
  });
  expect([lookup("Primair"), lookup("Primair"), lookup("x"), lookup("x")]).toEqual([
    0,
    0,
    undefined,
    undefined,
  ]);
  expect(reads).toEqual(["Primair", "x"]);
  for (let i = 0; i < 1200; i++) lookup(i);
  reads.length = 0;
  lookup(5);
  lookup(1100);
  lookup(1100);
  // 5 was remembered; past the bound, 1100 is read each time.
  expect(reads).toEqual([1100, 1100]);
});

test("Excel's error names are found with spaces and in any case; texts without # are not errors", () => {
  expect(isExcelError(" #n/a ")).toBe(true);
  expect(isExcelError("#DIV/0!")).toBe(true);
  expect(isExcelError("N/A")).toBe(false);
  expect(isExcelError("#onbekend")).toBe(false);
  expect(isExcelError(7)).toBe(false);
});

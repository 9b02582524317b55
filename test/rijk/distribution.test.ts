/** Distributing a Rijk-wide cut (MODEL.md v2): pro rata, weights, exemptions, largest remainder to the euro. */
import * as fs from "fs";
import * as path from "path";
import { distribute, largestRemainder, taakstellingRows } from "../../src/model/rijk/distribution";
import { readRijk, type Department } from "../../src/model/rijk/tables";

const dep = (name: string, expenditure: number, extra: Partial<Department> = {}, row = 1): Department => ({
  name,
  expenditure,
  exempt: false,
  weight: 1,
  workbook: null,
  scenario: null,
  row,
  ...extra,
});

describe("largest remainder", () => {
  test("7 euros over weights 2/3/5: quotas 1.4, 2.1, 3.5; floors 1, 2, 3 leave 1 euro for the largest remainder (.5)", () => {
    expect(largestRemainder(7, [2, 3, 5])).toEqual([1, 2, 4]);
  });
  test("100 euros over three equal shares: 33.33 each; the one left euro goes to the first (ties in table order)", () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  test("two euros left over four equal remainders go to the first two in table order", () => {
    expect(largestRemainder(10, [1, 1, 1, 1])).toEqual([3, 3, 2, 2]);
  });
  test("exact quotas stay as they are, even when floating point makes them 0.99999...", () => {
    // 0.1 + 0.2 style noise: 3 x 0.1 / 0.3
    expect(largestRemainder(3, [0.1, 0.1, 0.1])).toEqual([1, 1, 1]);
    expect(largestRemainder(1_000_000_000, [0.7, 0.2, 0.1])).toEqual([700_000_000, 200_000_000, 100_000_000]);
  });
  test("the shares always add up to the total", () => {
    const weights = [13.7, 0.0031, 299, 1e-3, 45.5, 2 / 3];
    for (const total of [0, 1, 17, 999_999, 1_033_000_001]) {
      const shares = largestRemainder(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      shares.forEach((s, i) =>
        expect(Math.abs(s - (total * weights[i]) / weights.reduce((a, b) => a + b))).toBeLessThan(1),
      );
    }
  });
  test("a zero weight gets nothing, even a left-over euro", () => {
    expect(largestRemainder(5, [0, 1, 1])).toEqual([0, 3, 2]);
  });
});

describe("distribute", () => {
  test("pro rata operating expenditure, exemptions get 0 and the others share all of it", () => {
    const deps = [dep("A", 600), dep("B", 300, { exempt: true }), dep("C", 300)];
    const { entries, issues } = distribute(deps, [{ year: 2027, amount: 1_000_001, row: 1 }]);
    expect(issues).toEqual([]);
    // A: 1,000,001 x 600/900 = 666,667.33; C: 333,333.67 -> floors 666,667 + 333,333 = 1,000,000; the euro to C (.67)
    expect(entries).toEqual([
      { department: "A", year: 2027, target: 666_667 },
      { department: "B", year: 2027, target: 0 },
      { department: "C", year: 2027, target: 333_334 },
    ]);
  });

  test("weights: g x A decides, so weight 2 on half the spending cuts as much as weight 1 on all of it", () => {
    const { entries } = distribute(
      [dep("A", 100, { weight: 2 }), dep("B", 200)],
      [{ year: 2028, amount: 10, row: 1 }],
    );
    expect(entries.map((e) => e.target)).toEqual([5, 5]);
  });

  test("no non-exempt expenditure while the target is above 0 is an input error naming the row", () => {
    const { entries, issues } = distribute(
      [dep("A", 100, { exempt: true }), dep("B", 0)],
      [
        { year: 2027, amount: 0, row: 1 },
        { year: 2028, amount: 5, row: 2 },
      ],
    );
    expect(entries.filter((e) => e.year === 2027).map((e) => e.target)).toEqual([0, 0]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: "error", table: "Rijkstaakstelling", row: 2, column: "Bedrag" }),
    ]);
  });

  test("a department's share comes back as its Taakstelling rows", () => {
    const { entries } = distribute(
      [dep("A", 1), dep("B", 3)],
      [
        { year: 2028, amount: 8, row: 2 },
        { year: 2027, amount: 4, row: 1 },
      ],
    );
    expect(taakstellingRows(entries, "B")).toEqual([
      [2027, 3],
      [2028, 6],
    ]);
  });
});

test("readRijk: required columns, defaults, duplicates, weights above 0", () => {
  const r = readRijk({
    Departementen: [
      ["Departement", "Apparaatsuitgaven", "Vrijgesteld", "Gewicht", "Werkmap", "Scenario"],
      ["AZ", 100, null, null, "az.xlsx", null],
      ["BZ", 200, "ja", 2, null, "Gericht"],
      ["az", 50, null, null, null, null],
      ["EZ", -1, null, null, null, null],
      ["OCW", 10, null, 0, null, null],
    ],
    Rijkstaakstelling: [
      ["Jaar", "Bedrag"],
      [2027, 1000.4],
      [2027, 5],
    ],
  });
  expect(r.departments).toEqual([
    { name: "AZ", expenditure: 100, exempt: false, weight: 1, workbook: "az.xlsx", scenario: null, row: 1 },
    { name: "BZ", expenditure: 200, exempt: true, weight: 2, workbook: null, scenario: "Gericht", row: 2 },
  ]);
  expect(r.targets).toEqual([{ year: 2027, amount: 1000, row: 1 }]);
  expect(r.ok).toBe(false);
  expect(r.issues.map((i) => `${i.severity} ${i.table} ${i.row} ${i.column}`)).toEqual([
    "error Departementen 3 Departement",
    "error Departementen 4 Apparaatsuitgaven",
    "error Departementen 5 Gewicht",
    "warning Rijkstaakstelling 1 Bedrag",
    "error Rijkstaakstelling 2 Jaar",
  ]);
  expect(readRijk({}).issues.map((i) => i.message)).toEqual([
    "Verplichte tabel 'Departementen' ontbreekt.",
    "Verplichte tabel 'Rijkstaakstelling' ontbreekt.",
  ]);
});

/**
 * Rutte II (Begroting 2014 Wonen en Rijksdienst, Bijlage 5.7): the cut on the Rijksdienst in three tiers,
 * 4.4 / 8.9 / 13.3% of each department's operating expenditure. The source gives the tier and the euros
 * (EUR mln, 2018), not the expenditure itself, so the expenditure is recovered as euros / tier. Then the
 * tiers must come out of nothing but the weights 1 / 2 / 3 and the total: the share in percent of each
 * department's expenditure is T x g / sum(g x A), i.e. one base rate times 1, 2 or 3.
 */
test("Rutte II: weights 1 / 2 / 3 reproduce the tiers 4.4 / 8.9 / 13.3% and the euros per department", () => {
  const csv = fs.readFileSync(
    // A copy of shared/domain/data (the published table, its source in its first line), so that a clone of the
    // project alone runs every test.
    path.resolve(__dirname, "fixtures/rutte2_taakstelling_rijksdienst_verdeling.csv"),
    "utf8",
  );
  const rows = csv
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("departement") && !l.startsWith("Totaal"))
    .map((l) => l.split(","));
  // Names may hold no comma: the file has none; 5 fields per row.
  expect(rows.every((r) => r.length === 5)).toBe(true);
  const TIER_WEIGHT: Record<string, number> = { "4.4": 1, "8.9": 2, "13.3": 3 };
  const MLN = 1_000_000;
  const deps = rows.map(([name, tier, , , y2018], i) =>
    dep(name, (Number(y2018) * MLN) / (Number(tier) / 100), { weight: TIER_WEIGHT[tier] }, i + 1),
  );
  const total = rows.reduce((a, r) => a + Number(r[4]), 0) * MLN;
  expect(total).toBe(1_032 * MLN); // the departments' rows; the table's total line says 1,033 (rounding in the source)
  const { entries, issues } = distribute(deps, [{ year: 2018, amount: total, row: 1 }]);
  expect(issues).toEqual([]);
  expect(entries.reduce((a, e) => a + e.target, 0)).toBe(total);
  rows.forEach(([name, tier, , , y2018], i) => {
    const e = entries[i];
    expect(e.department).toBe(name);
    const percent = (100 * e.target) / deps[i].expenditure;
    // the tier, to the one decimal the source gives
    expect(percent.toFixed(1)).toBe(tier);
    // the euros, within the source's rounding: amounts to EUR 1 mln, and tiers to one decimal (4.4 stands
    // for 4.44: 0.9% apart, so Financien's 135 mln comes back as 136.1)
    expect(Math.abs(e.target / MLN - Number(y2018))).toBeLessThan(Math.max(1, 0.01 * Number(y2018)));
  });
  // one base rate of 4.44%: the tiers are exactly 1, 2 and 3 times it
  const rates = entries.map((e, i) => e.target / deps[i].expenditure / deps[i].weight);
  expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(1e-6);
  expect(rates[0] * 100).toBeCloseTo(4.44, 2);
});

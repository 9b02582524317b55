/**
 * Custom functions in the FP namespace: thin wrappers over src/model. Each checks its arguments (errors
 * name the argument) and calls the one formula the engine also uses; FP.SCENARIO and FP.COMPARE run the
 * engine itself (./scenario). No Excel API calls. The JSDoc below (English) becomes functions.json at
 * build time; functions-nl.json gives Dutch Excel the Dutch names, descriptions and parameter names.
 * Ids never change once published: they are how Excel stores the formulas in a workbook.
 */
import {
  attritionTrajectory,
  cheeseSlice,
  forcedExitsNeeded,
  indexedAmount,
  officeM2Needed,
  overheadGap,
  overheadRatio,
  roemerGap,
  roemerShare,
  workplacesNeeded,
} from "../model/formulas";
import { functionGroupIndex } from "../model/groups";
import { GROUP_PRIMARY } from "../model/types";
import { isBlank, isExcelError, normalizeName } from "../model/text";
import {
  ArgumentError,
  asMatrix,
  checkPayload,
  divisionByZero,
  fraction,
  optionalNumber,
  requireNumber,
  sameShape,
  valueError,
} from "./arguments";
import { compareScenarios, scenarioValues } from "./scenario";

const DEFAULT_OVERHEAD_NORM = 0.35;
const DEFAULT_ROEMER_NORM = 0.1;
const DEFAULT_WORKPLACE_FACTOR = 0.7;
const MAX_YEARS = 100;

/** The Excel error for a thrown problem; only #VALUE! and #N/A carry a message in Excel. */
function excelError(e: unknown): CustomFunctions.Error {
  if (e instanceof ArgumentError) {
    if (e.kind === "divisionByZero")
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    const code =
      e.kind === "notAvailable"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.message);
  }
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    `Onverwachte fout / unexpected error: ${(e as Error).message}`,
  );
}

/** Runs a function body and turns an ArgumentError into the matching Excel error. */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw excelError(e);
  }
}

async function guardAsync<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw excelError(e);
  }
}

/**
 * Overhead ratio: overhead FTE divided by total FTE. #DIV/0! when totalFte is 0.
 * @customfunction OVERHEAD
 * @helpurl https://localhost:3000/help/overhead.html
 * @param overheadFte Overhead FTE (operations and line management).
 * @param totalFte Total FTE.
 * @returns The overhead ratio as a fraction (0.5 = 50%).
 */
export function overhead(overheadFte: any, totalFte: any): number {
  return guard(() => {
    const o = requireNumber(overheadFte, "overheadFte", { min: 0 });
    const t = requireNumber(totalFte, "totalFte", { min: 0 });
    if (t === 0) throw divisionByZero();
    if (o > t) throw valueError("overheadFte is groter dan totaalFte (totalFte).");
    return overheadRatio(o, t);
  });
}

/**
 * Overhead ratio from a formation table's Functiegroep and FTE columns, e.g. Formatie[Functiegroep] and Formatie[FTE].
 * @customfunction OVERHEADSHARE
 * @helpurl https://localhost:3000/help/overheadshare.html
 * @param groups Column of function groups (Primair, Bedrijfsvoering, Lijnmanagement).
 * @param fte Column of FTE, the same size as groups.
 * @returns The overhead ratio as a fraction.
 */
export function overheadShare(groups: any[][], fte: any[][]): number {
  return guard(() => {
    checkPayload([groups, fte]);
    const g = asMatrix(groups, "groups");
    const f = asMatrix(fte, "fte");
    sameShape(g, f, "groups", "fte");
    let total = 0;
    let over = 0;
    for (let r = 0; r < g.length; r++) {
      for (let c = 0; c < g[r].length; c++) {
        const group = g[r][c];
        const value = f[r][c];
        if (isBlank(group) && isBlank(value)) continue;
        // A whole-column reference brings the header along: skip it.
        if (r === 0 && ["functiegroep", "group"].includes(normalizeName(group))) continue;
        const index = functionGroupIndex(group);
        if (isExcelError(group))
          throw valueError(`functiegroepen (groups) rij ${r + 1}: foutwaarde ${group}.`);
        if (index === undefined)
          throw valueError(
            `functiegroepen (groups) rij ${r + 1}: onbekende functiegroep '${String(group)}'.`,
          );
        const n = requireNumber(value, `fte rij ${r + 1}`, { min: 0 });
        total += n;
        if (index !== GROUP_PRIMARY) over += n;
      }
    }
    if (total === 0) throw divisionByZero();
    return overheadRatio(over, total);
  });
}

/**
 * Overhead FTE to remove to reach the norm when only overhead shrinks; 0 when the norm is met.
 * @customfunction OVERHEADGAP
 * @helpurl https://localhost:3000/help/overheadgap.html
 * @param overheadFte Overhead FTE.
 * @param totalFte Total FTE.
 * @param [norm] Overhead norm as a fraction (default 0.35).
 * @returns Overhead FTE above the norm.
 */
export function overheadGapFte(overheadFte: any, totalFte: any, norm?: any): number {
  return guard(() => {
    const o = requireNumber(overheadFte, "overheadFte", { min: 0 });
    const t = requireNumber(totalFte, "totalFte", { min: 0 });
    const n = fraction(norm, "norm", DEFAULT_OVERHEAD_NORM);
    if (o > t) throw valueError("overheadFte is groter dan totaalFte (totalFte).");
    return overheadGap(o, t, n);
  });
}

/**
 * Roemer share: hire / (own personnel + hire), as the Dutch central government computes it.
 * @customfunction ROEMER
 * @helpurl https://localhost:3000/help/roemer.html
 * @param externalSpend Spending on external hire.
 * @param ownPersonnelSpend Spending on own personnel.
 * @returns Share of hire in total personnel spending, as a fraction.
 */
export function roemer(externalSpend: any, ownPersonnelSpend: any): number {
  return guard(() => {
    const e = requireNumber(externalSpend, "externalSpend", { min: 0 });
    const p = requireNumber(ownPersonnelSpend, "ownPersonnelSpend", { min: 0 });
    if (e + p === 0) throw divisionByZero();
    return roemerShare(e, p);
  });
}

/**
 * Euros of hire above the Roemernorm; 0 when the norm is met.
 * @customfunction ROEMERGAP
 * @helpurl https://localhost:3000/help/roemergap.html
 * @param externalSpend Spending on external hire.
 * @param ownPersonnelSpend Spending on own personnel.
 * @param [norm] Roemernorm as a fraction (default 0.10).
 * @returns Euros of hire above the norm.
 */
export function roemerGapAmount(externalSpend: any, ownPersonnelSpend: any, norm?: any): number {
  return guard(() => {
    const e = requireNumber(externalSpend, "externalSpend", { min: 0 });
    const p = requireNumber(ownPersonnelSpend, "ownPersonnelSpend", { min: 0 });
    const n = fraction(norm, "norm", DEFAULT_ROEMER_NORM);
    return roemerGap(e, p, n);
  });
}

/**
 * Workplaces needed: FTE x workplace factor.
 * @customfunction WORKPLACES
 * @helpurl https://localhost:3000/help/workplaces.html
 * @param fte Number of FTE.
 * @param [factor] Workplaces per FTE (default 0.7).
 * @returns Number of workplaces.
 */
export function workplaces(fte: any, factor?: any): number {
  return guard(() => {
    const f = requireNumber(fte, "fte", { min: 0 });
    const w = optionalNumber(factor, "factor", DEFAULT_WORKPLACE_FACTOR, { min: 0 });
    return workplacesNeeded(f, w);
  });
}

/**
 * Office m2 needed: FTE x workplace factor x m2 per workplace.
 * @customfunction OFFICEM2
 * @helpurl https://localhost:3000/help/officem2.html
 * @param fte Number of FTE.
 * @param m2PerWorkplace Square metres per workplace.
 * @param [factor] Workplaces per FTE (default 0.7).
 * @returns Office m2.
 */
export function officeM2(fte: any, m2PerWorkplace: any, factor?: any): number {
  return guard(() => {
    const f = requireNumber(fte, "fte", { min: 0 });
    const m = requireNumber(m2PerWorkplace, "m2PerWorkplace", { min: 0 });
    const w = optionalNumber(factor, "factor", DEFAULT_WORKPLACE_FACTOR, { min: 0 });
    return officeM2Needed(f, m, w);
  });
}

/**
 * Indexed amount: amount x (1 + rate)^years.
 * @customfunction INDEXED
 * @helpurl https://localhost:3000/help/indexed.html
 * @param amount Amount.
 * @param rate Yearly indexation as a fraction (0.03 = 3%).
 * @param years Number of years.
 * @returns The indexed amount.
 */
export function indexed(amount: any, rate: any, years: any): number {
  return guard(() => {
    const a = requireNumber(amount, "amount", { min: 0 });
    const r = requireNumber(rate, "rate", { min: -0.99, max: 1 });
    const y = requireNumber(years, "years", { min: 0, max: MAX_YEARS });
    return indexedAmount(a, r, y);
  });
}

/**
 * FTE left after 1 to years years of natural attrition without replacement (spills a row).
 * @customfunction ATTRITION
 * @helpurl https://localhost:3000/help/attrition.html
 * @param fte FTE now.
 * @param rate Yearly natural attrition as a fraction (0.06 = 6%).
 * @param years Number of years (a whole number, 1 or more).
 * @returns A row with the FTE after each year.
 */
export function attrition(fte: any, rate: any, years: any): number[][] {
  return guard(() => {
    const f = requireNumber(fte, "fte", { min: 0 });
    const r = fraction(rate, "rate", 0, true);
    const y = requireNumber(years, "years", { min: 1, max: MAX_YEARS, integer: true });
    return [attritionTrajectory(f, r, y)];
  });
}

/**
 * FTE that natural attrition cannot remove in time: forced exits.
 * @customfunction FORCEDEXITS
 * @helpurl https://localhost:3000/help/forcedexits.html
 * @param fteNow FTE now.
 * @param fteTarget Target FTE.
 * @param rate Yearly natural attrition as a fraction.
 * @param years Years until the target.
 * @returns FTE of forced exits.
 */
export function forcedExits(fteNow: any, fteTarget: any, rate: any, years: any): number {
  return guard(() => {
    const now = requireNumber(fteNow, "fteNow", { min: 0 });
    const target = requireNumber(fteTarget, "fteTarget", { min: 0 });
    const r = fraction(rate, "rate", 0, true);
    const y = requireNumber(years, "years", { min: 0, max: MAX_YEARS });
    return forcedExitsNeeded(now, target, r, y);
  });
}

/**
 * Cheese-slicer: every value cut by the same fraction so that the total falls by the saving (spills the same range).
 * @customfunction CHEESESLICE
 * @helpurl https://localhost:3000/help/cheeseslice.html
 * @param values Range of amounts or FTE; empty cells stay empty.
 * @param saving Wanted fall of the total.
 * @returns The same range after the cheese-slicer.
 */
export function cheeseSliceRange(values: any[][], saving: any): any[][] {
  return guard(() => {
    checkPayload([values]);
    const m = asMatrix(values, "values");
    const s = requireNumber(saving, "saving", { min: 0 });
    const flat: number[] = [];
    m.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isBlank(v)) return;
        flat.push(requireNumber(v, `values (rij ${r + 1}, kolom ${c + 1})`, { min: 0 }));
      }),
    );
    const total = flat.reduce((a, b) => a + b, 0);
    if (total === 0) throw divisionByZero();
    if (s > total)
      throw valueError(`besparing (saving, ${s}) is groter dan het totaal van waarden (values, ${total}).`);
    const cut = cheeseSlice(flat, s);
    let i = 0;
    return m.map((row) => row.map((v) => (isBlank(v) ? "" : cut[i++])));
  });
}

/**
 * Runs a scenario from the workbook's tables, as the task pane and the command line do: the trajectory, one measure's column, or one number.
 * @customfunction SCENARIO
 * @helpurl https://localhost:3000/help/scenario.html
 * @param formation The Formatie table with its header row, e.g. Formatie[#All].
 * @param parameters The Parameters table with its header row.
 * @param scenarios The Scenarios table with its header row (may be empty for Basis only).
 * @param name Scenario name, or Basis.
 * @param [measure] A measure, e.g. Structurele besparing or structuralSavings; empty for all.
 * @param [year] A year; empty for every year.
 * @param [hire] The Inhuur table with its header row (optional).
 * @param [housing] The Huisvesting table with its header row (optional).
 * @param [prices] The Prijzen table with its header row (optional).
 * @param [targets] The Taakstelling table with its header row (optional).
 * @returns The trajectory (a header row, then a row per year), one column, or one number.
 */
export async function scenario(
  formation: any[][],
  parameters: any[][],
  scenarios: any[][],
  name: any,
  measure?: any,
  year?: any,
  hire?: any[][],
  housing?: any[][],
  prices?: any[][],
  targets?: any[][],
): Promise<any[][]> {
  return guardAsync(() =>
    scenarioValues({ formation, parameters, scenarios, hire, housing, prices, targets }, name, measure, year),
  );
}

/**
 * Compares every scenario in the end year, as the command line does: saving against target, overhead, Roemer, m2, primary kept against the cheese-slicer, forced exits.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/help/compare.html
 * @param formation The Formatie table with its header row, e.g. Formatie[#All].
 * @param parameters The Parameters table with its header row.
 * @param scenarios The Scenarios table with its header row.
 * @param [hire] The Inhuur table with its header row (optional).
 * @param [housing] The Huisvesting table with its header row (optional).
 * @param [prices] The Prijzen table with its header row (optional).
 * @param [targets] The Taakstelling table with its header row (optional).
 * @returns A header row, then a row per scenario.
 */
export async function compare(
  formation: any[][],
  parameters: any[][],
  scenarios: any[][],
  hire?: any[][],
  housing?: any[][],
  prices?: any[][],
  targets?: any[][],
): Promise<any[][]> {
  return guardAsync(() =>
    compareScenarios({ formation, parameters, scenarios, hire, housing, prices, targets }),
  );
}

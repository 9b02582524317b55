/**
 * Distributing a Rijk-wide cut (MODEL.md v2): target of department d in year y is
 * T(y) x g_d A_d / (sum over non-exempt e of g_e A_e), exempt departments 0, rounded to whole euros by
 * largest remainder (ties in table order) so that the departments add up to T(y) exactly.
 */
import type { Issue } from "../types";
import { RIJK_TARGET_TABLE, type Department, type RijkTarget } from "./tables";

export interface DistributionEntry {
  department: string;
  year: number;
  /** whole euros */
  target: number;
}

/**
 * Whole numbers proportional to `weights` that add up to `total` (a whole number >= 0): floors of the exact
 * quotas, then one more to the largest remainders; equal remainders go to the earlier entry.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total === 0 || sum <= 0) return weights.map(() => 0);
  const quotas = weights.map((w) => (total * w) / sum);
  // A quota such as 123.9999999997 is 124 in exact arithmetic: floor with a relative guard.
  const floors = quotas.map((q) => Math.floor(q + 1e-9 * Math.max(1, q)));
  let left = total - floors.reduce((a, b) => a + b, 0);
  // Remainders compared at 1e-9 so that floating noise does not break a tie in table order.
  const order = quotas
    .map((q, i) => ({ i, rem: Math.round((q - floors[i]) * 1e9) }))
    .filter((x) => weights[x.i] > 0)
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) floors[order[k].i]++;
  // (left < 0 cannot happen: floors never exceed their quotas by more than the guard.)
  return floors;
}

export function distribute(
  departments: readonly Department[],
  targets: readonly RijkTarget[],
): { entries: DistributionEntry[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const entries: DistributionEntry[] = [];
  const weights = departments.map((d) => (d.exempt ? 0 : d.weight * d.expenditure));
  const base = weights.reduce((a, b) => a + b, 0);
  for (const t of targets) {
    if (t.amount > 0 && base <= 0) {
      issues.push({
        severity: "error",
        table: RIJK_TARGET_TABLE,
        row: t.row,
        column: "Bedrag",
        message: `Taakstelling ${t.year} kan niet verdeeld worden: geen apparaatsuitgaven van niet-vrijgestelde departementen.`,
        messageEn: `Target ${t.year} cannot be distributed: no operating expenditure of departments that are not exempt.`,
      });
      continue;
    }
    const shares = largestRemainder(t.amount, weights);
    departments.forEach((d, i) => entries.push({ department: d.name, year: t.year, target: shares[i] }));
  }
  return { entries, issues };
}

/** A department's share per year, as its own Taakstelling table would hold it. */
export function departmentTargets(
  entries: readonly DistributionEntry[],
  department: string,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of entries) if (e.department === department) out.set(e.year, e.target);
  return out;
}

/** Rows for a department's `Taakstelling` table (Jaar, Bedrag), to hand its share back. */
export function taakstellingRows(
  entries: readonly DistributionEntry[],
  department: string,
): [number, number][] {
  return [...departmentTargets(entries, department)].sort((a, b) => a[0] - b[0]);
}

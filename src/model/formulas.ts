/**
 * The planning arithmetic, each formula exactly once. The engine, the custom functions (FP.*) and the
 * command line all call these; see ../shared/domain/MODEL.md for what every number means.
 */

/** Overhead ratio: overhead FTE / total FTE. 0 when there is no formation at all. */
export function overheadRatio(overheadFte: number, totalFte: number): number {
  return totalFte > 0 ? overheadFte / totalFte : 0;
}

/**
 * Overhead FTE to remove to reach norm t when only overhead shrinks: x = (O - t*T) / (1 - t).
 * 0 when already at or below the norm.
 */
export function overheadGap(overheadFte: number, totalFte: number, norm: number): number {
  const x = (overheadFte - norm * totalFte) / (1 - norm);
  return x > 0 ? x : 0;
}

/** Roemer share: external / (own personnel + external); the denominator includes the hire itself. */
export function roemerShare(externalSpend: number, ownPersonnelSpend: number): number {
  const total = ownPersonnelSpend + externalSpend;
  return total > 0 ? externalSpend / total : 0;
}

/**
 * Hire allowed at Roemernorm n when a share s of the removed hire comes back in-house at cost factor k:
 * E' = n(P + s k E) / (1 - n + n s k). With s = 0 this is n/(1-n) x P.
 */
export function allowedExternalSpend(
  ownPersonnelSpend: number,
  externalSpend: number,
  norm: number,
  insourceShare = 0,
  insourceCostFactor = 0,
): number {
  const sk = insourceShare * insourceCostFactor;
  return (norm * (ownPersonnelSpend + sk * externalSpend)) / (1 - norm + norm * sk);
}

/** Euros of hire above the Roemernorm (no insourcing); 0 when already at or below it. */
export function roemerGap(externalSpend: number, ownPersonnelSpend: number, norm: number): number {
  const gap = externalSpend - allowedExternalSpend(ownPersonnelSpend, externalSpend, norm);
  return gap > 0 ? gap : 0;
}

/** Workplaces needed for a formation at a workplace factor (workplaces per FTE). */
export function workplacesNeeded(fte: number, workplaceFactor: number): number {
  return fte * workplaceFactor;
}

/** Office m2 needed: FTE x workplace factor x m2 per workplace. */
export function officeM2Needed(fte: number, m2PerWorkplace: number, workplaceFactor: number): number {
  return workplacesNeeded(fte, workplaceFactor) * m2PerWorkplace;
}

/** Wage and price index: amount x (1 + rate)^years. */
export function indexFactor(rate: number, years: number): number {
  return Math.pow(1 + rate, years);
}

export function indexedAmount(amount: number, rate: number, years: number): number {
  return amount * indexFactor(rate, years);
}

/** Share of a row's base FTE that natural attrition can remove within `years`: 1 - (1 - rate)^years. */
export function attritionShare(rate: number, years: number): number {
  return 1 - Math.pow(1 - rate, years);
}

/** FTE left after 1 ... years of natural attrition without replacement. */
export function attritionTrajectory(fte: number, rate: number, years: number): number[] {
  const out: number[] = [];
  for (let y = 1; y <= years; y++) out.push(fte * (1 - attritionShare(rate, y)));
  return out;
}

/**
 * FTE that natural attrition cannot remove in time: max(0, (now - target) - now x attritionShare).
 * This is F(y) of MODEL.md for one row.
 */
export function forcedExitsNeeded(fteNow: number, fteTarget: number, rate: number, years: number): number {
  const forced = fteNow - fteTarget - fteNow * attritionShare(rate, years);
  return forced > 0 ? forced : 0;
}

/** Fraction p that cuts a total by `saving` when every value is cut alike (the cheese-slicer). */
export function cheeseSliceFraction(total: number, saving: number): number {
  return total !== 0 ? saving / total : 0;
}

/** Every value cut by the same fraction so that the total falls by `saving`. */
export function cheeseSlice(values: readonly number[], saving: number): number[] {
  let total = 0;
  for (const v of values) total += v;
  const p = cheeseSliceFraction(total, saving);
  return values.map((v) => v * (1 - p));
}

/** Linear phase-in: share of the end-year change reached in `year`. */
export function phaseIn(year: number, baseYear: number, endYear: number): number {
  if (endYear <= baseYear) return 1;
  const t = (year - baseYear) / (endYear - baseYear);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

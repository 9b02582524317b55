/**
 * The ranking of the comparison: first the scenarios that meet the target and both norms, then those that
 * meet the target but miss a norm, then those that miss the target; within a group, the most primary
 * capacity kept first (missing the target: the largest share of it reached first). A scenario that misses
 * the target never ranks above one that meets it. The baseline is the reference, not a contender.
 */
import type { ScenarioComparison } from "../../model";
import type { Language } from "../i18n";
import { formats } from "./text";

export type Tier = "all" | "target" | "missed";

export interface Ranked {
  rank: number;
  tier: Tier;
  comparison: ScenarioComparison;
}

export function tierOf(c: ScenarioComparison): Tier {
  if (!c.meetsTarget) return "missed";
  return c.meetsOverheadNorm && c.meetsRoemernorm ? "all" : "target";
}

const TIER_ORDER: Record<Tier, number> = { all: 0, target: 1, missed: 2 };

const reached = (c: ScenarioComparison) =>
  c.endYear.target > 0 ? c.endYear.structuralSavings / c.endYear.target : 1;

export function rankScenarios(comparison: readonly ScenarioComparison[], baselineName: string): Ranked[] {
  return comparison
    .filter((c) => c.name !== baselineName)
    .map((c) => ({ c, tier: tierOf(c) }))
    .sort(
      (a, b) =>
        TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
        (a.tier === "missed" ? reached(b.c) - reached(a.c) : 0) ||
        b.c.primaryRetained - a.c.primaryRetained ||
        b.c.endYear.structuralSavings - a.c.endYear.structuralSavings,
    )
    .map(({ c, tier }, i) => ({ rank: i + 1, tier, comparison: c }));
}

/** One line that says what a scenario does: target, norms, primary kept and how it compares with the cheese-slicer. */
export function verdict(c: ScenarioComparison, lang: Language): string {
  const f = formats(lang);
  const nl = lang === "nl";
  const target = c.meetsTarget
    ? nl
      ? "haalt de taakstelling"
      : "meets the target"
    : nl
      ? `haalt de taakstelling niet (${f.millions(c.endYear.structuralSavings)} van ${f.millions(c.endYear.target)})`
      : `misses the target (${f.millions(c.endYear.structuralSavings)} of ${f.millions(c.endYear.target)})`;
  const missed = [
    c.meetsOverheadNorm ? null : nl ? "overheadnorm" : "overhead norm",
    c.meetsRoemernorm ? null : nl ? "Roemernorm" : "Roemer norm",
  ].filter((x): x is string => x !== null);
  let norms: string;
  if (missed.length === 0)
    norms = c.meetsTarget
      ? nl
        ? " en beide normen"
        : " and both norms"
      : nl
        ? ", wel beide normen"
        : ", meets both norms";
  else if (missed.length === 2)
    norms = c.meetsTarget
      ? nl
        ? ", maar geen van beide normen"
        : ", but neither norm"
      : nl
        ? " en geen van beide normen"
        : " and neither norm";
  else
    norms = c.meetsTarget
      ? nl
        ? `, maar niet de ${missed[0]}`
        : `, but not the ${missed[0]}`
      : nl
        ? ` en niet de ${missed[0]}`
        : ` nor the ${missed[0]}`;
  const kept = nl
    ? `houdt ${f.percent(c.primaryRetained)} primair`
    : `keeps ${f.percent(c.primaryRetained)} primary`;
  const diff = c.primaryAdvantage;
  const points = f.points(Math.abs(diff));
  const same = nl ? "de kaasschaaf bij dezelfde besparing" : "the cheese-slicer at the same saving";
  let against: string;
  if (Math.abs(diff) < 0.0005) against = nl ? `evenveel als ${same}` : `as much as ${same}`;
  else if (diff > 0)
    against = nl ? `${points} procentpunt meer dan ${same}` : `${points} percentage points more than ${same}`;
  else
    against = nl
      ? `${points} procentpunt minder dan ${same}`
      : `${points} percentage points less than ${same}`;
  return `${target}${norms}; ${kept}, ${against}.`;
}

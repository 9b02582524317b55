/**
 * Custom functions in the FP namespace: thin wrappers over src/model/formulas. Each checks its
 * arguments (errors name the argument in Dutch) and calls the one formula the engine also uses.
 * Synchronous, no Excel API calls. The JSDoc below becomes functions.json at build time.
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
  fraction,
  optionalNumber,
  requireNumber,
  sameShape,
  valueError,
} from "./arguments";

const DEFAULT_OVERHEAD_NORM = 0.35;
const DEFAULT_ROEMER_NORM = 0.1;
const DEFAULT_WORKPLACE_FACTOR = 0.7;
const MAX_YEARS = 100;

/** Runs a function body and turns an ArgumentError into the matching Excel error. */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentError) {
      const code =
        e.kind === "divisionByZero"
          ? CustomFunctions.ErrorCode.divisionByZero
          : e.kind === "notAvailable"
            ? CustomFunctions.ErrorCode.notAvailable
            : CustomFunctions.ErrorCode.invalidValue;
      throw new CustomFunctions.Error(code, e.message);
    }
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      `Onverwachte fout: ${(e as Error).message}`,
    );
  }
}

function divisionByZero(message: string): ArgumentError {
  return new ArgumentError("divisionByZero", message);
}

/**
 * Overheadratio: overhead-FTE gedeeld door het totaal aantal FTE.
 * @customfunction OVERHEAD
 * @helpurl https://localhost:3000/help/overhead.html
 * @param overheadFte Overhead-FTE (bedrijfsvoering en lijnmanagement).
 * @param totalFte Totaal aantal FTE.
 * @returns De overheadratio als fractie (0,5 = 50%).
 */
export function overhead(overheadFte: any, totalFte: any): number {
  return guard(() => {
    const o = requireNumber(overheadFte, "overheadFte", { min: 0 });
    const t = requireNumber(totalFte, "totalFte", { min: 0 });
    if (t === 0) throw divisionByZero("totalFte is 0.");
    if (o > t) throw valueError("overheadFte is groter dan totalFte.");
    return overheadRatio(o, t);
  });
}

/**
 * Overheadratio rechtstreeks uit de kolommen Functiegroep en FTE van een formatietabel; lege cellen tellen niet mee.
 * @customfunction OVERHEADSHARE
 * @helpurl https://localhost:3000/help/overheadshare.html
 * @param groups Kolom met functiegroepen (Primair, Bedrijfsvoering, Lijnmanagement).
 * @param fte Kolom met FTE, even groot als groups.
 * @returns De overheadratio als fractie.
 */
export function overheadShare(groups: any[][], fte: any[][]): number {
  return guard(() => {
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
        if (isExcelError(group)) throw valueError(`groups rij ${r + 1}: foutwaarde ${group}.`);
        if (index === undefined)
          throw valueError(`groups rij ${r + 1}: onbekende functiegroep '${String(group)}'.`);
        const n = requireNumber(value, `fte rij ${r + 1}`, { min: 0 });
        total += n;
        if (index !== GROUP_PRIMARY) over += n;
      }
    }
    if (total === 0) throw divisionByZero("Het totaal aantal FTE is 0.");
    return overheadRatio(over, total);
  });
}

/**
 * Overhead-FTE die weg moet om de norm te halen als alleen overhead krimpt: (O - norm x T) / (1 - norm); 0 als de norm al gehaald is.
 * @customfunction OVERHEADGAP
 * @helpurl https://localhost:3000/help/overheadgap.html
 * @param overheadFte Overhead-FTE.
 * @param totalFte Totaal aantal FTE.
 * @param [norm] Overheadnorm als fractie (standaard 0,35).
 * @returns Aantal overhead-FTE boven de norm.
 */
export function overheadGapFte(overheadFte: any, totalFte: any, norm?: any): number {
  return guard(() => {
    const o = requireNumber(overheadFte, "overheadFte", { min: 0 });
    const t = requireNumber(totalFte, "totalFte", { min: 0 });
    const n = fraction(norm, "norm", DEFAULT_OVERHEAD_NORM);
    if (o > t) throw valueError("overheadFte is groter dan totalFte.");
    return overheadGap(o, t, n);
  });
}

/**
 * Roemer-aandeel: inhuur / (eigen personeel + inhuur), zoals het Rijk het rekent.
 * @customfunction ROEMER
 * @helpurl https://localhost:3000/help/roemer.html
 * @param externalSpend Uitgaven aan externe inhuur.
 * @param ownPersonnelSpend Uitgaven aan eigen personeel.
 * @returns Aandeel inhuur in de totale personele uitgaven, als fractie.
 */
export function roemer(externalSpend: any, ownPersonnelSpend: any): number {
  return guard(() => {
    const e = requireNumber(externalSpend, "externalSpend", { min: 0 });
    const p = requireNumber(ownPersonnelSpend, "ownPersonnelSpend", { min: 0 });
    if (e + p === 0) throw divisionByZero("externalSpend en ownPersonnelSpend zijn samen 0.");
    return roemerShare(e, p);
  });
}

/**
 * Euro's inhuur boven de Roemernorm; 0 als de norm al gehaald is.
 * @customfunction ROEMERGAP
 * @helpurl https://localhost:3000/help/roemergap.html
 * @param externalSpend Uitgaven aan externe inhuur.
 * @param ownPersonnelSpend Uitgaven aan eigen personeel.
 * @param [norm] Roemernorm als fractie (standaard 0,10).
 * @returns Bedrag aan inhuur boven de norm.
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
 * Benodigde werkplekken: FTE x werkplekfactor.
 * @customfunction WORKPLACES
 * @helpurl https://localhost:3000/help/workplaces.html
 * @param fte Aantal FTE.
 * @param [factor] Werkplekken per FTE (standaard 0,7).
 * @returns Aantal werkplekken.
 */
export function workplaces(fte: any, factor?: any): number {
  return guard(() => {
    const f = requireNumber(fte, "fte", { min: 0 });
    const w = optionalNumber(factor, "factor", DEFAULT_WORKPLACE_FACTOR, { min: 0 });
    return workplacesNeeded(f, w);
  });
}

/**
 * Benodigde kantoor-m2: FTE x werkplekfactor x m2 per werkplek.
 * @customfunction M2
 * @helpurl https://localhost:3000/help/m2.html
 * @param fte Aantal FTE.
 * @param m2PerWorkplace Vierkante meters per werkplek.
 * @param [factor] Werkplekken per FTE (standaard 0,7).
 * @returns Aantal m2.
 */
export function m2(fte: any, m2PerWorkplace: any, factor?: any): number {
  return guard(() => {
    const f = requireNumber(fte, "fte", { min: 0 });
    const m = requireNumber(m2PerWorkplace, "m2PerWorkplace", { min: 0 });
    const w = optionalNumber(factor, "factor", DEFAULT_WORKPLACE_FACTOR, { min: 0 });
    return officeM2Needed(f, m, w);
  });
}

/**
 * Geïndexeerd bedrag: bedrag x (1 + index)^jaren.
 * @customfunction INDEX
 * @helpurl https://localhost:3000/help/index.html
 * @param amount Bedrag.
 * @param rate Jaarlijkse index als fractie (0,03 = 3%).
 * @param years Aantal jaren.
 * @returns Het geïndexeerde bedrag.
 */
export function index(amount: any, rate: any, years: any): number {
  return guard(() => {
    const a = requireNumber(amount, "amount", { min: 0 });
    const r = requireNumber(rate, "rate", { min: -0.99, max: 1 });
    const y = requireNumber(years, "years", { min: 0, max: MAX_YEARS });
    return indexedAmount(a, r, y);
  });
}

/**
 * FTE die overblijven na 1 tot en met jaren jaar natuurlijk verloop zonder vervanging (vult een rij).
 * @customfunction ATTRITION
 * @helpurl https://localhost:3000/help/attrition.html
 * @param fte Aantal FTE nu.
 * @param rate Jaarlijks natuurlijk verloop als fractie (0,06 = 6%).
 * @param years Aantal jaren (geheel getal, 1 of meer).
 * @returns Een rij met de FTE na elk jaar.
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
 * FTE die natuurlijk verloop niet op tijd kan laten vertrekken: gedwongen uitstroom.
 * @customfunction FORCEDEXITS
 * @helpurl https://localhost:3000/help/forcedexits.html
 * @param fteNow Aantal FTE nu.
 * @param fteTarget Beoogd aantal FTE.
 * @param rate Jaarlijks natuurlijk verloop als fractie.
 * @param years Aantal jaren tot het doel.
 * @returns Aantal FTE gedwongen uitstroom.
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
 * Kaasschaaf: elke waarde met dezelfde fractie verlaagd zodat het totaal met besparing daalt (vult hetzelfde bereik).
 * @customfunction CHEESESLICE
 * @helpurl https://localhost:3000/help/cheeseslice.html
 * @param values Bereik met bedragen of FTE; lege cellen blijven leeg.
 * @param saving Gewenste daling van het totaal.
 * @returns Hetzelfde bereik na de kaasschaaf.
 */
export function cheeseSliceRange(values: any[][], saving: any): any[][] {
  return guard(() => {
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
    if (total === 0) throw divisionByZero("Het totaal van values is 0.");
    if (s > total) throw valueError(`saving (${s}) is groter dan het totaal van values (${total}).`);
    const cut = cheeseSlice(flat, s);
    let i = 0;
    return m.map((row) => row.map((v) => (isBlank(v) ? "" : cut[i++])));
  });
}

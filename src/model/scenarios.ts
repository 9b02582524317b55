/**
 * Scenario editing for the task pane: drafts of levers checked as you type, and the round trip between
 * scenarios and the rows of the Scenarios table (where they are stored, so they travel with the file).
 */
import { compileFilter, FilterError } from "./filter";
import { FILTERABLE_LEVERS, IssueList, leverKindOf, readLeverValue } from "./input";
import { tableSchema } from "./schema";
import { normalizeName } from "./text";
import type { LeverKind } from "./types";

export interface LeverDraft {
  lever: string;
  value: string;
  filter: string;
  insource: string;
}

export interface ScenarioDraft {
  name: string;
  levers: LeverDraft[];
}

export interface FieldErrors {
  lever?: string;
  value?: string;
  filter?: string;
  insource?: string;
}

/** Text typed in the form as the cell value the reader expects: numbers as numbers, "10%" as 0.1. */
function cellValue(text: string): string | number | null {
  const t = text.trim();
  if (t === "") return null;
  const m = /^([+-]?\d+(?:[.,]\d+)?)(%?)$/.exec(t);
  if (!m) return t;
  const n = Number(m[1].replace(",", "."));
  return m[2] ? n / 100 : n;
}

/** Checks one lever draft the way the reader will; messages in the chosen language. */
export function checkLeverDraft(draft: LeverDraft, lang: "nl" | "en" = "nl"): FieldErrors {
  const errors: FieldErrors = {};
  const pick = (i: { message: string; messageEn: string }) => (lang === "nl" ? i.message : i.messageEn);
  const kind: LeverKind | undefined = leverKindOf(draft.lever);
  if (!kind) {
    errors.lever = lang === "nl" ? "Kies een hefboom." : "Choose a lever.";
    return errors;
  }
  const issues = new IssueList();
  readLeverValue(issues, { table: "Scenarios", row: 0, column: "Waarde" }, kind, cellValue(draft.value));
  if (issues.items.length > 0) errors.value = pick(issues.items[0]);
  if (draft.filter.trim() !== "") {
    if (!FILTERABLE_LEVERS.includes(kind)) {
      errors.filter =
        lang === "nl"
          ? `Een filter kan alleen bij ${FILTERABLE_LEVERS.join(", ")}.`
          : `A filter only applies to ${FILTERABLE_LEVERS.join(", ")}.`;
    } else {
      try {
        compileFilter(draft.filter);
      } catch (e) {
        if (!(e instanceof FilterError)) throw e;
        errors.filter = lang === "nl" ? e.messageNl : e.messageEn;
      }
    }
  }
  const share = cellValue(draft.insource);
  if (share !== null) {
    if (typeof share !== "number" || share < 0 || share > 1) {
      errors.insource =
        lang === "nl"
          ? "Inbesteden is een fractie tussen 0 en 1."
          : "Insourcing is a fraction between 0 and 1.";
    } else if (kind !== "Roemernorm" && share > 0) {
      errors.insource =
        lang === "nl"
          ? "Inbesteden kan alleen bij de Roemernorm."
          : "Insourcing only applies to the Roemernorm.";
    }
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Checks a whole scenario list: names present and unique, not the baseline's, every lever valid. */
export function checkScenarioDrafts(drafts: ScenarioDraft[], lang: "nl" | "en" = "nl"): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of drafts) {
    const key = s.name.trim().toLowerCase();
    if (!key) problems.push(lang === "nl" ? "Een scenario heeft geen naam." : "A scenario has no name.");
    else if (["basis", "baseline"].includes(key))
      problems.push(
        lang === "nl" ? `'${s.name}' is de naam van de basislijn.` : `'${s.name}' is the baseline's name.`,
      );
    else if (seen.has(key))
      problems.push(
        lang === "nl" ? `Scenario '${s.name}' staat er twee keer.` : `Scenario '${s.name}' appears twice.`,
      );
    seen.add(key);
    if (s.levers.length === 0)
      problems.push(
        lang === "nl" ? `Scenario '${s.name}' heeft geen hefbomen.` : `Scenario '${s.name}' has no levers.`,
      );
    s.levers.forEach((l, i) => {
      const errors = checkLeverDraft(l, lang);
      for (const message of Object.values(errors))
        if (message) problems.push(`${s.name}, ${lang === "nl" ? "hefboom" : "lever"} ${i + 1}: ${message}`);
    });
  }
  return problems;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/** Scenario drafts from the Scenarios table's rows (header first), in table order, Volgorde respected. */
export function draftsFromRows(rows: readonly (readonly unknown[])[]): ScenarioDraft[] {
  if (rows.length === 0) return [];
  const schema = tableSchema("Scenarios");
  const header = rows[0].map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  const at = (key: string) => {
    const c = schema.columns.find((x) => x.key === key)!;
    return header.findIndex((h) => h === c.header.toLowerCase() || h === c.alias.toLowerCase());
  };
  const idx = {
    scenario: at("scenario"),
    lever: at("lever"),
    value: at("value"),
    filter: at("filter"),
    insource: at("insource"),
    order: at("order"),
  };
  const byName = new Map<string, { draft: ScenarioDraft; order: number[] }>();
  rows.slice(1).forEach((row, i) => {
    const name = text(row[idx.scenario]).trim();
    if (!name) return;
    let entry = byName.get(name.toLowerCase());
    if (!entry) byName.set(name.toLowerCase(), (entry = { draft: { name, levers: [] }, order: [] }));
    entry.draft.levers.push({
      lever: text(row[idx.lever]),
      value: text(idx.value >= 0 ? row[idx.value] : ""),
      filter: text(idx.filter >= 0 ? row[idx.filter] : ""),
      insource: text(idx.insource >= 0 ? row[idx.insource] : ""),
    });
    const order = idx.order >= 0 ? Number(row[idx.order]) : NaN;
    entry.order.push(Number.isFinite(order) && text(row[idx.order]) !== "" ? order : Infinity + i);
  });
  return [...byName.values()].map(({ draft, order }) => {
    const sorted = draft.levers.map((l, i) => ({ l, o: order[i], i })).sort((a, b) => a.o - b.o || a.i - b.i);
    return { name: draft.name, levers: sorted.map((x) => x.l) };
  });
}

/** The Scenarios table's rows (header first) for a list of drafts; Volgorde numbers each scenario's levers. */
export function rowsFromDrafts(drafts: ScenarioDraft[]): (string | number | null)[][] {
  const header = tableSchema("Scenarios").columns.map((c) => c.header);
  const rows: (string | number | null)[][] = [header];
  for (const s of drafts) {
    s.levers.forEach((l, i) => {
      const kind = leverKindOf(l.lever) ?? l.lever;
      rows.push([
        s.name.trim(),
        kind,
        cellValue(l.value),
        l.filter.trim() || null,
        cellValue(l.insource),
        i + 1,
      ]);
    });
  }
  return rows;
}

/** A name not yet used: "Kopie van X", "Kopie van X (2)", ... */
export function uniqueName(wanted: string, drafts: ScenarioDraft[]): string {
  const used = new Set(drafts.map((d) => d.name.trim().toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!used.has(`${wanted} (${i})`.toLowerCase())) return `${wanted} (${i})`;
}

/**
 * Scenario rows (in the schema's column order, header first) rearranged for an existing Scenarios table
 * with its own header. Refuses when that table has columns the planner does not know: rewriting the rows
 * would empty them.
 */
export function rowsForTableHeader(
  header: readonly unknown[],
  rows: (string | number | null)[][],
): (string | number | null)[][] {
  const schema = tableSchema("Scenarios");
  const keys = header.map(
    (h) => schema.columns.find((c) => [c.header, c.alias].map(normalizeName).includes(normalizeName(h)))?.key,
  );
  const unknown = header.filter((_, i) => !keys[i]);
  if (unknown.length > 0) {
    throw new Error(
      `De tabel Scenarios heeft kolommen die Formatieplanner niet kent (${unknown.join(", ")}); opslaan zou die leegmaken. Verplaats ze naar een andere tabel. / The Scenarios table has columns the planner does not know (${unknown.join(", ")}); saving would empty them.`,
    );
  }
  const order = schema.columns.map((c) => c.key);
  return rows.slice(1).map((r) => keys.map((k) => r[order.indexOf(k!)] ?? null));
}

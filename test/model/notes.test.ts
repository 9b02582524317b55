/**
 * The engine's notes are written in Dutch and English where they are made (src/model/notes.ts): every kind
 * has both texts, the English has no Dutch words, and numbers follow the language (45,7 / 10,00% in Dutch,
 * 45.7 / 10.00% in English).
 */
import * as path from "path";
import { notes, reasons, type Note } from "../../src/model/notes";
import { readPlan, runPlanAsync } from "../../src/model";
import { loadWorkbook, tablesFromWorkbook } from "../../src/xlsx/workbook";

const SAMPLE = path.resolve(__dirname, "../../samples/voorbeeld-ministerie.xlsx");

// Dutch words that have no business in an English note. Lever names (Kaasschaaf, Optimaal) are the
// Scenarios table's values and stay; unit names in quotes ('Inbesteed') are data and are left out below.
const DUTCH = [
  "de",
  "het",
  "een",
  "en",
  "van",
  "niet",
  "geen",
  "al",
  "gehaald",
  "minder",
  "inhuur",
  "korting",
  "taakstelling",
  "haalbaar",
  "gewicht",
  "begrensd",
  "eenheid",
  "rij",
  "rijen",
  "losgelaten",
  "beperkend",
  "besparing",
  "erbij",
  "lager",
  "vervalt",
  "benodigde",
  "weegt",
  "lichter",
  "primair",
  "primaire",
  "gekort",
  "eerst",
  "binnen",
  "grenzen",
  "alles",
  "nul",
  "doel",
  "om",
  "te",
  "dus",
  "stijgt",
  "overheadnorm",
  "roemernorm",
  "huisvestingsnorm",
  "inbesteden",
  "bedrijfsvoering",
  "formatie",
  "huisvesting",
  "maximale",
  "uitstroom",
  "gedwongen",
  "onvoldoende",
  "onbeschermde",
  "kostenband",
  "gebundeld",
  "functiegroep",
  "schaal",
  "hoogst",
  "haalbare",
  "toont",
  "dit",
];

function dutchWordsIn(english: string): string[] {
  const words = english
    .replace(/'[^']*'/g, "")
    .toLowerCase()
    .split(/[^a-zà-ÿ0-9]+/);
  return DUTCH.filter((w) => words.includes(w));
}

/** Every note kind with arguments; a kind added to notes.ts without a line here fails the first test. */
const NOTE_CASES: Record<keyof typeof notes, () => Note> = {
  cheeseAlreadyMet: () => notes.cheeseAlreadyMet(),
  cheeseUnreachable: () => notes.cheeseUnreachable(),
  cheeseCut: () => notes.cheeseCut(0.1),
  overheadMet: () => notes.overheadMet(0.35, 0.3012),
  overheadNothing: () => notes.overheadNothing(0.35),
  overheadShort: () => notes.overheadShort(0.35, 12.34, 45.67),
  overheadCut: () => notes.overheadCut(0.35, 45.7),
  roemerNoAverage: () => notes.roemerNoAverage(),
  roemerMet: () => notes.roemerMet(0.1, 0.0812),
  roemerCut: () => notes.roemerCut(0.1, 1234567.4),
  insourced: () => notes.insourced(12.25, "Inbesteed"),
  housingMet: () => notes.housingMet(0.7),
  housingCut: () => notes.housingCut(0.7, 1200.4),
  optimalSummary: () => notes.optimalSummary(1234567, 45.7, 1200),
  optimalPooling: () => notes.optimalPooling(0.005),
  optimalNormDropped: () => notes.optimalNormDropped(true, false),
  optimalInfeasible: () => notes.optimalInfeasible(["maxCutPerUnit", "maxForcedExits"], 100000, 300000),
  optimalStatus: () => notes.optimalStatus("infeasible", ["capacity"], 100000),
};
const REASON_CASES: Record<keyof typeof reasons, () => Note> = {
  overheadLighter: () => reasons.overheadLighter(0.2),
  primaryNeeded: () => reasons.primaryNeeded(),
  capped: () => reasons.capped(),
  hireFirst: () => reasons.hireFirst(),
  notCut: () => reasons.notCut(),
  join: () => reasons.join([reasons.overheadLighter(0.2), reasons.capped()]),
};

test("every note and reason kind has a Dutch and an English text, the English without Dutch words", () => {
  expect(Object.keys(NOTE_CASES).sort()).toEqual(Object.keys(notes).sort());
  expect(Object.keys(REASON_CASES).sort()).toEqual(Object.keys(reasons).sort());
  const all = [
    ...Object.values(NOTE_CASES),
    ...Object.values(REASON_CASES),
    () => notes.optimalNormDropped(false, true),
    () => notes.optimalNormDropped(true, true),
    () => notes.optimalStatus("optimal", [], 0),
    () => notes.optimalStatus("relaxed-norms", [], 0),
  ].map((make) => make());
  for (const note of all) {
    expect(note.nl.length).toBeGreaterThan(0);
    expect(note.en.length).toBeGreaterThan(0);
    expect(note.en).not.toBe(note.nl);
    expect({ en: note.en, dutch: dutchWordsIn(note.en) }).toEqual({ en: note.en, dutch: [] });
    // The word list does recognise the Dutch text (so the check above can fail).
    expect(dutchWordsIn(note.nl).length).toBeGreaterThan(0);
    // Decimals: a comma in Dutch, a point in English (thousands the other way round).
    expect(note.nl).not.toMatch(/\d\.\d{1,2}(?!\d)/);
    expect(note.en).not.toMatch(/\d,\d{1,2}(?!\d)/);
  }
});

test("numbers in each language's format", () => {
  expect(notes.cheeseCut(0.1)).toEqual({
    nl: "Kaasschaaf auto: elke FTE-, inhuur- en m2-rij 10,00% minder.",
    en: "Kaasschaaf auto: every FTE, hire and m2 row cut by 10.00%.",
  });
  expect(notes.overheadCut(0.35, 45.7)).toEqual({
    nl: "Overheadnorm 35,00%: 45,7 FTE overhead minder.",
    en: "Overhead norm 35.00%: 45.7 FTE less overhead.",
  });
  expect(notes.optimalSummary(1234567, 45.7, 1200)).toEqual({
    nl: "Optimaal: € 1.234.567 inhuur, 45,7 FTE en 1.200 m2 minder.",
    en: "Optimaal: € 1,234,567 of external hire, 45.7 FTE and 1,200 m2 less.",
  });
  expect(notes.optimalInfeasible(["maxCutPerUnit", "maxForcedExits"], 1e5, 3e5).en).toContain(
    "binding: Maximum cut per unit and Maximum forced exits.",
  );
  expect(notes.optimalInfeasible(["maxCutPerUnit", "maxForcedExits"], 1e5, 3e5).nl).toContain(
    "beperkend: Maximale korting per eenheid en Maximale gedwongen uitstroom.",
  );
  expect(reasons.join([])).toEqual({ nl: "niet gekort", en: "not cut" });
});

test("the sample run in English: every note and every Optimaal reason is English, none has solver jargon", async () => {
  const tables = tablesFromWorkbook(await loadWorkbook(SAMPLE)).tables;
  const { plan } = readPlan(tables);
  const result = await runPlanAsync(plan!);
  const texts = result.scenarios.flatMap((s) => [
    ...s.notes,
    ...(s.optimal?.units.map((u) => u.reason) ?? []),
  ]);
  // The sample's scenarios leave notes from the cheese-slicer, both norms, insourcing, housing and Optimaal.
  expect(texts.length).toBeGreaterThan(8);
  for (const kind of [
    /^Kaasschaaf auto/,
    /^Overhead norm/,
    /^Roemer norm/,
    /^Insourcing/,
    /^Housing norm/,
    /^Optimaal/,
  ])
    expect(texts.some((n) => kind.test(n.en))).toBe(true);
  for (const note of texts) {
    expect({ en: note.en, dutch: dutchWordsIn(note.en) }).toEqual({ en: note.en, dutch: [] });
    expect(note.en).not.toMatch(/\d,\d{1,2}(?!\d)|pools|\bms\b/);
    expect(note.nl).not.toMatch(/\d\.\d{1,2}(?!\d)|pools|\bms\b/);
  }
});

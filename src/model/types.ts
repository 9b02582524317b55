import type { BindingLimit, Note } from "./notes";

/** Function groups of the Functiegebouw Rijk as the planner uses them; Bedrijfsvoering and Lijnmanagement are overhead. */
export const FUNCTION_GROUPS = ["Primair", "Bedrijfsvoering", "Lijnmanagement"] as const;
export type FunctionGroup = (typeof FUNCTION_GROUPS)[number];
export const GROUP_PRIMARY = 0;
export const GROUP_OPERATIONS = 1;
export const GROUP_MANAGEMENT = 2;

/** The 8 categories of external hire of RBV model 3.60 (no "overige"). */
export const HIRE_CATEGORIES = [
  "Interim-management",
  "Organisatie- en formatieadvies",
  "Beleidsadvies",
  "Communicatieadvisering",
  "Juridisch advies",
  "Advisering opdrachtgevers automatisering",
  "Accountancy, financiën en administratieve organisatie",
  "Uitzendkrachten (formatie & piek)",
] as const;

export type Severity = "error" | "warning";

/** A problem in the input, located by table, 1-based data row and column, in Dutch and English. */
export interface Issue {
  severity: Severity;
  table: string;
  /** 1-based row within the table's data (header excluded); null when the problem is the table or a column. */
  row: number | null;
  column: string | null;
  message: string;
  messageEn: string;
}

/** Columnar formation: one entry per formation row, plus rows appended by insourcing in a scenario run. */
export interface Formation {
  length: number;
  unitNames: string[];
  /** index into unitNames */
  unit: Int32Array;
  group: Uint8Array;
  scale: Uint8Array;
  fte: Float64Array;
  /** base-year cost per FTE (own column, else the Prijzen table) */
  costPerFte: Float64Array;
  protectedRow: Uint8Array;
  /** 1-based data row in the Formatie table, for messages */
  sourceRow: Int32Array;
}

export interface Hire {
  length: number;
  unitNames: string[];
  unit: Int32Array;
  /** 1..8 */
  category: Uint8Array;
  amount: Float64Array;
  sourceRow: Int32Array;
}

export interface Housing {
  length: number;
  locations: string[];
  m2: Float64Array;
  costPerM2: Float64Array;
  sourceRow: Int32Array;
}

export interface PlanParameters {
  baseYear: number;
  endYear: number;
  indexation: number;
  overheadNorm: number;
  roemerNorm: number;
  workplaceFactor: number;
  m2PerWorkplace: number | null;
  attritionRate: number;
  severanceMultiple: number;
  insourceCostFactor: number;
  maxCutPerUnit: number;
  maxForcedExits: number;
  overheadWeight: number;
}

export type LeverKind =
  | "Kaasschaaf"
  | "Overheadnorm"
  | "Roemernorm"
  | "Huisvestingsnorm"
  | "Vacaturestop"
  | "Gerichte korting"
  | "Optimaal";

export interface Lever {
  kind: LeverKind;
  /** the lever's value; "auto" only for Kaasschaaf; null means "use the parameter" */
  value: number | "auto" | null;
  /** the filter's text as typed, "" for all rows */
  filter: string;
  /** share of removed hire brought in-house (Roemernorm only) */
  insourceShare: number;
  /** 1-based data row in the Scenarios table */
  sourceRow: number;
}

export interface Scenario {
  name: string;
  levers: Lever[];
}

export interface Plan {
  formation: Formation;
  hire: Hire;
  housing: Housing;
  params: PlanParameters;
  /** structural saving required per year, relative to the base year */
  targets: Map<number, number>;
  scenarios: Scenario[];
}

/** Metrics of one year of one scenario; names as in MODEL.md and the --json output. */
export interface YearMetrics {
  year: number;
  fte: number;
  ftePrimary: number;
  fteOverhead: number;
  overheadRatio: number;
  personnelCost: number;
  externalSpend: number;
  roemerShare: number;
  m2: number;
  housingCost: number;
  structuralCost: number;
  oneOffCost: number;
  structuralSavings: number;
  target: number;
  gap: number;
  forcedExits: number;
  primaryRetained: number;
}

/** End-year FTE per unit and group, for the detail sheets. */
export interface UnitOutcome {
  unit: string;
  baseFte: number;
  endFte: number;
  basePrimary: number;
  endPrimary: number;
  baseOverhead: number;
  endOverhead: number;
  forcedExits: number;
  /** the unit's figures per plan year, base year first (same order as ScenarioResult.years) */
  perYear: UnitYears;
}

/** One number per plan year for each measure of a unit; amounts indexed like YearMetrics. */
export interface UnitYears {
  fte: number[];
  ftePrimary: number[];
  fteOverhead: number[];
  /** FTE x indexed cost per FTE */
  personnelCost: number[];
  /** the unit's external hire (Inhuur rows of that unit) */
  externalSpend: number[];
  forcedExits: number[];
}

/** What the optimiser cut in one unit, and why. */
export interface OptimalUnitCut {
  unit: string;
  /** end-year FTE before the lever */
  fteBefore: number;
  primaryCut: number;
  overheadCut: number;
  hireCut: number;
  shareCut: number;
  atCap: boolean;
  /** why, in both languages */
  reason: Note;
}

export interface OptimalReport {
  status: "optimal" | "relaxed-norms" | "infeasible";
  /** limits that stop the target from being met (infeasible only) */
  binding: BindingLimit[];
  /** best attainable end-year saving of the lever itself (indexed euros) */
  bestSaving: number;
  savingsNeeded: number;
  hireCut: number;
  m2Cut: number;
  units: OptimalUnitCut[];
  solveMs: number;
  /** the optimiser's variables: pools of formation rows (unit, group, cost band) */
  pools: number;
}

export interface ScenarioResult {
  name: string;
  levers: Lever[];
  years: YearMetrics[];
  units: UnitOutcome[];
  /** what a lever decided, e.g. the fraction an automatic cheese-slicer chose */
  notes: Note[];
  /** present when the scenario has an Optimaal lever */
  optimal?: OptimalReport;
}

export interface ScenarioComparison {
  name: string;
  endYear: YearMetrics;
  meetsTarget: boolean;
  meetsOverheadNorm: boolean;
  meetsRoemernorm: boolean;
  primaryRetained: number;
  /** share of primary capacity a uniform cheese-slicer would keep for the same end-year saving */
  cheesePrimaryRetained: number;
  /** primaryRetained - cheesePrimaryRetained: positive means this scenario spares the primary process */
  primaryAdvantage: number;
  cumulativeForcedExits: number;
  cumulativeOneOffCost: number;
}

export interface RunResult {
  params: PlanParameters;
  scenarios: ScenarioResult[];
  comparison: ScenarioComparison[];
}

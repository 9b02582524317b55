/**
 * The Office requirement sets the add-in uses. The manifest asks for the minimum (without it Office does
 * not offer the add-in at all); the rest is checked at run time with isSetSupported, and a missing set
 * is named in the pane with the Excel version that brings it, never an unexplained failure.
 * Versions from Microsoft's "Excel JavaScript API requirement sets", "Custom Functions requirement sets"
 * and "Shared runtime requirement sets" tables (Microsoft 365 on Windows; Excel on the web has them all).
 */
export interface Requirement {
  set: string;
  version: string;
  /** declared in manifest.xml: Office loads the add-in only where it is supported */
  inManifest: boolean;
  feature: { nl: string; en: string };
  excel: string;
}

export const REQUIREMENTS: readonly Requirement[] = [
  {
    set: "ExcelApi",
    version: "1.7",
    inManifest: true,
    feature: {
      nl: "tabellen lezen, scenario's opslaan, rapport met grafieken",
      en: "reading tables, saving scenarios, report with charts",
    },
    excel: "Excel 2019, Microsoft 365 versie/version 1801",
  },
  {
    set: "SharedRuntime",
    version: "1.1",
    inManifest: true,
    feature: { nl: "taakvenster en functies samen", en: "task pane and functions together" },
    excel: "Excel 2021, Microsoft 365 versie/version 2002",
  },
  {
    set: "CustomFunctionsRuntime",
    version: "1.1",
    inManifest: true,
    feature: { nl: "de functies FP.*", en: "the FP.* functions" },
    excel: "Excel 2021, Microsoft 365 versie/version 1903",
  },
  {
    set: "ExcelApi",
    version: "1.8",
    inManifest: false,
    feature: { nl: "keuzelijsten in het sjabloon", en: "drop-down lists in the template" },
    excel: "Excel 2021, Microsoft 365 versie/version 1808",
  },
  {
    set: "ExcelApi",
    version: "1.11",
    inManifest: false,
    feature: {
      nl: "wachten tot u klaar bent met typen in een cel",
      en: "waiting until you finish typing in a cell",
    },
    excel: "Excel 2021, Microsoft 365 versie/version 2002",
  },
  {
    set: "CustomFunctionsRuntime",
    version: "1.3",
    inManifest: false,
    feature: { nl: "uitleg bij #WAARDE! in de functies", en: "explanations with #VALUE! in the functions" },
    excel: "Excel 2021, Microsoft 365 versie/version 2008",
  },
];

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** Office.context.requirements.isSetSupported, or "everything" outside Office (tests, preview). */
export function officeIsSetSupported(): IsSetSupported {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? (name, version) => requirements.isSetSupported(name, version) : () => true;
}

export function missingRequirements(isSupported: IsSetSupported = officeIsSetSupported()): Requirement[] {
  return REQUIREMENTS.filter((r) => !isSupported(r.set, r.version));
}

/** A message for the pane naming what is missing and which Excel brings it; null when nothing is. */
export function requirementMessage(missing: readonly Requirement[], lang: "nl" | "en"): string | null {
  if (missing.length === 0) return null;
  const lines = missing.map((r) =>
    lang === "nl"
      ? `${r.feature.nl} (${r.set} ${r.version}: ${r.excel} of nieuwer, of Excel op het web)`
      : `${r.feature.en} (${r.set} ${r.version}: ${r.excel} or later, or Excel on the web)`,
  );
  return lang === "nl"
    ? `Deze Excel-versie mist: ${lines.join("; ")}. Werk Excel bij om dit te gebruiken.`
    : `This version of Excel lacks: ${lines.join("; ")}. Update Excel to use it.`;
}

export class RequirementError extends Error {
  constructor(requirement: Requirement) {
    super(
      `${requirementMessage([requirement], "nl")} / ${requirementMessage([requirement], "en")}`.replace(
        /\s+/g,
        " ",
      ),
    );
    this.name = "RequirementError";
  }
}

/** Throws a RequirementError naming the Excel version when the set is missing. */
export function requireSet(
  set: string,
  version: string,
  isSupported: IsSetSupported = officeIsSetSupported(),
) {
  if (isSupported(set, version)) return;
  const known = REQUIREMENTS.find((r) => r.set === set && r.version === version);
  throw new RequirementError(
    known ?? { set, version, inManifest: false, feature: { nl: set, en: set }, excel: `${set} ${version}` },
  );
}

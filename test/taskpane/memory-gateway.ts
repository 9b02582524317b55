/** An in-memory workbook behind the task pane's gateway interface, recording what the pane asks. */
import type { ReportSheet } from "../../src/model/report";
import type { ReadTables } from "../../src/model/workbook-types";
import type { CellRef, ReportResult, TemplateResult, WorkbookGateway } from "../../src/model/ports";
import { templateHeaders, templateRows } from "../../src/model/template";
import { TABLES } from "../../src/model/schema";

export class MemoryGateway implements WorkbookGateway {
  readonly kind = "preview" as const;
  selected: CellRef[] = [];
  saved: (string | number | null)[][][] = [];
  reports: ReportSheet[][] = [];
  templates: { examples: boolean; lang?: "nl" | "en" }[] = [];
  renameOnReport: ReportResult["renamed"] = [];
  constructor(public tables: Record<string, unknown[][]>) {}

  async readTables(): Promise<ReadTables> {
    const locations: ReadTables["locations"] = {};
    for (const name of Object.keys(this.tables))
      locations[name] = { sheet: name, headerRow: 1, firstColumn: 1, source: "table" };
    return { tables: JSON.parse(JSON.stringify(this.tables)), locations };
  }
  async insertTemplate(options: { examples: boolean; lang?: "nl" | "en" }): Promise<TemplateResult> {
    this.templates.push(options);
    const created: TemplateResult["created"] = [];
    for (const t of TABLES) {
      if (this.tables[t.name]) continue;
      this.tables[t.name] = [
        templateHeaders(t.name, options.lang),
        ...templateRows(t.name, options.examples, options.lang),
      ];
      created.push({ table: t.name, sheet: t.name });
    }
    return { created };
  }
  async selectCell(ref: CellRef): Promise<void> {
    this.selected.push(ref);
  }
  async saveScenarios(rows: (string | number | null)[][]): Promise<void> {
    this.saved.push(rows);
    this.tables.Scenarios = rows;
  }
  async writeReport(sheets: ReportSheet[]): Promise<ReportResult> {
    this.reports.push(sheets);
    const renamed = this.renameOnReport;
    return { sheets: sheets.map((s) => renamed.find((r) => r.wanted === s.name)?.used ?? s.name), renamed };
  }
}

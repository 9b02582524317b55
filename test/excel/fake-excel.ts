/* eslint-disable @typescript-eslint/no-this-alias -- the fake's object literals use accessors, whose own `this` is not the fake */
/**
 * A counting fake of the part of Excel's JavaScript API that src/excel uses. Unlike office-addin-mock it
 * keeps the rules of Excel that the add-in can break, each with the Microsoft documentation it follows:
 * loaded properties can be read only after a sync; every sync records its request and response size and
 * fails over 5 MB; null in a 2-D array leaves the cell alone; strings are parsed as if typed; tables have
 * header, data body and totals rows, filters and hidden rows; sheet names follow Excel's rules.
 * Writes apply at once to an in-memory workbook (in order, as Excel applies a batch at sync).
 */
import { parseTyped, TEXT_FORMAT, type Cell } from "./typed-input";

export type { Cell } from "./typed-input";

export interface FakeSeries {
  name: string;
  /** [row, col, rows, cols] of the values */
  values: [number, number, number, number];
  /** category labels, as read from the cells; null when Excel would number them 1, 2, 3 */
  categories: Cell[] | null;
}

export interface FakeChart {
  type: string;
  title: string;
  series: FakeSeries[];
  deleted: boolean;
}

export interface FakeSheetState {
  id: string;
  name: string;
  cells: Map<string, Cell>;
  /** cells holding a formula (the fake cannot calculate: their value reads as #NAME?) */
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  bold: Set<string>;
  charts: FakeChart[];
  conditional: { text: string; fill: string; address: [number, number, number, number] }[];
  validations: { rule: unknown; address: [number, number, number, number] }[];
  prompts: {
    prompt: { showPrompt: boolean; title: string; message: string };
    address: [number, number, number, number];
  }[];
  /** rows hidden by hand (a filter's hidden rows are in the table's state) */
  hiddenRows: Set<number>;
  frozenRows: number;
  frozenColumns: number;
  /** column widths in points set through RangeFormat.columnWidth, by 0-based column */
  columnWidths: Map<number, number>;
  /** ranges whose rows were fitted with RangeFormat.autofitRows */
  autofitRows: [number, number, number, number][];
  /** cells set to wrap with RangeFormat.wrapText */
  wrapped: Set<string>;
  visibility: string;
  deleted: boolean;
}

export interface FakeTableState {
  name: string;
  sheet: FakeSheetState;
  /** header row and first column, 0-based */
  row: number;
  col: number;
  /** header plus data rows (the totals row, when shown, comes after them) */
  rows: number;
  cols: number;
  showTotals: boolean;
  /** rows (absolute) hidden by the table's active filter */
  filterHidden: Set<number>;
}

type Bounds = [number, number, number, number];

/** Excel on the web's payload limit, for requests and responses alike. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

const key = (r: number, c: number) => `${r},${c}`;
const fill = <T>(o: T): T => (o as unknown as { fill: () => T }).fill();
/** Properties that Excel only returns after load() and sync(). */
const LOADABLE = new Set([
  "values",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "isNullObject",
  "name",
  "id",
  "items",
  "address",
  "rowHidden",
  "value",
  "showTotals",
]);

/** An error as office.js throws it (OfficeExtension.Error: `code` and `message`). */
export class FakeExcelError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * Excel's rules for sheet names. Microsoft Support, "Rename a worksheet": a name can't "be blank",
 * "contain more than 31 characters", "contain any of the following characters: / \ ? * : [ ]",
 * "begin or end with an apostrophe (')", or "be named 'History'. This is a reserved word Excel uses
 * internally." Kept separate from src/model on purpose: the fake must not share the code it tests.
 */
function sheetNameError(name: string): string | null {
  if (name.length === 0) return "blank";
  if (name.length > 31) return "more than 31 characters";
  if (/[/\\?*:[\]]/.test(name)) return "contains / \\ ? * : [ or ]";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "History is reserved";
  return null;
}

export class FakeExcel {
  sheets: FakeSheetState[] = [];
  tables: FakeTableState[] = [];
  /** the workbook's settings (Excel.SettingCollection), stored with the file */
  settings = new Map<string, unknown>();
  syncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** names of the sheets each write landed on, in order */
  writes: string[] = [];
  calculationSuspended = 0;
  active = "";
  selected: { sheet: string; row: number; col: number } | null = null;
  /** the user is typing in a cell */
  cellEditMode = false;
  /** batches that waited for the user to leave cell edit mode */
  waitedForCellEdit = 0;
  /** a sync that fails (1-based), as a lost connection would: to test that a failure halfway loses nothing */
  failAtSync: number | null = null;
  /**
   * Office.context.document.url: "Gets the URL of the document that the Office application currently has
   * open. Returns null if the URL is unavailable." (Office.Document, url:
   * https://learn.microsoft.com/en-us/javascript/api/office/office.document)
   */
  documentUrl: string | null = null;
  /** the requirement sets this Excel supports: Office.context.requirements.isSetSupported */
  supportedSets: Record<string, string> = {
    ExcelApi: "1.17",
    CustomFunctionsRuntime: "1.5",
    SharedRuntime: "1.2",
  };
  private nextId = 1;
  private currentBytes = 0;
  private pendingLoads: { apply: () => number }[] = [];

  addSheet(name: string, rows: Cell[][] = [], table?: string, at: [number, number] = [0, 0]): FakeSheetState {
    const problem = sheetNameError(name);
    if (problem) throw new FakeExcelError("InvalidArgument", `sheet name '${name}': ${problem}`);
    if (this.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `sheet ${name} exists`);
    const sheet: FakeSheetState = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: new Map(),
      formulas: new Map(),
      numberFormats: new Map(),
      bold: new Set(),
      charts: [],
      conditional: [],
      validations: [],
      prompts: [],
      hiddenRows: new Set(),
      frozenRows: 0,
      frozenColumns: 0,
      columnWidths: new Map(),
      autofitRows: [],
      wrapped: new Set(),
      visibility: "Visible",
      deleted: false,
    };
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== "" && v !== null && sheet.cells.set(key(at[0] + r, at[1] + c), v)),
    );
    this.sheets.push(sheet);
    if (table) this.addTable(table, sheet, at[0], at[1], rows.length, rows[0]?.length ?? 0);
    return sheet;
  }

  addTable(name: string, sheet: FakeSheetState, row: number, col: number, rows: number, cols: number) {
    const t: FakeTableState = {
      name,
      sheet,
      row,
      col,
      rows,
      cols,
      showTotals: false,
      filterHidden: new Set(),
    };
    this.tables.push(t);
    return t;
  }

  /** Excel's "Move or Copy... > Create a copy": a new sheet (new id) with the same cells. */
  copySheet(name: string, copyName: string): FakeSheetState {
    const from = this.sheet(name)!;
    const copy = this.addSheet(copyName);
    from.cells.forEach((v, k) => copy.cells.set(k, v));
    return copy;
  }

  /** Shows the table's totals row (Table Design > Total Row) with a sum under the numeric columns. */
  showTotals(name: string): void {
    const t = this.table(name);
    t.showTotals = true;
    const totalsRow = t.row + t.rows;
    for (let c = 0; c < t.cols; c++) {
      const column = this.values(t.sheet, t.row + 1, t.col + c, t.rows - 1, 1).map((r) => r[0]);
      const numeric = column.filter((v): v is number => typeof v === "number");
      t.sheet.cells.set(key(totalsRow, t.col + c), c === 0 ? "Totaal" : numeric.reduce((a, b) => a + b, 0));
    }
  }

  /** A filter on one column of the table: data rows whose value fails the test are hidden. */
  filterTable(name: string, column: number, keep: (v: Cell) => boolean): void {
    const t = this.table(name);
    for (let r = t.row + 1; r < t.row + t.rows; r++)
      if (!keep(t.sheet.cells.get(key(r, t.col + column)) ?? "")) t.filterHidden.add(r);
  }

  table(name: string): FakeTableState {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase() && !x.sheet.deleted);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }

  sheet(name: string): FakeSheetState | undefined {
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  }

  liveSheets(): FakeSheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  values(sheet: FakeSheetState, row: number, col: number, rows: number, cols: number): Cell[][] {
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => sheet.cells.get(key(row + r, col + c)) ?? ""),
    );
  }

  /** Header and data rows of a table (not its totals row). */
  tableValues(name: string): Cell[][] {
    const t = this.table(name);
    return this.values(t.sheet, t.row, t.col, t.rows, t.cols);
  }

  /**
   * What Excel.run hands the batch. Both overloads: run(batch) and run(options, batch).
   * Excel.RunOptions.delayForCellEdit (ExcelApi 1.11): "When false, if the user is in cell edit when the
   * batch request is processed by the host, the batch automatically fails. When true, ... the batch
   * request is delayed until the user exits cell edit mode."
   */
  run = async <T>(
    first: Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    const options = typeof first === "function" ? {} : first;
    const batch = (typeof first === "function" ? first : second)!;
    if (this.cellEditMode) {
      if (!options.delayForCellEdit)
        throw new FakeExcelError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
      // The user presses Enter; then the batch runs.
      this.cellEditMode = false;
      this.waitedForCellEdit++;
    }
    const result = await batch(this.context() as unknown as Excel.RequestContext);
    if (this.currentBytes > 0 || this.pendingLoads.length > 0)
      throw new Error("batch ended with unsynced work");
    return result;
  };

  write(sheet: FakeSheetState, bytes: number): void {
    if (sheet.deleted) throw new Error(`write to deleted sheet ${sheet.name}`);
    this.writes.push(sheet.name);
    this.currentBytes += bytes;
  }

  private request(bytes: number): void {
    this.currentBytes += bytes;
  }

  private context() {
    const fake = this;
    return {
      workbook: {
        tables: fake.tableCollection(),
        worksheets: fake.sheetCollection(),
        settings: fake.settingCollection(),
      },
      application: {
        suspendApiCalculationUntilNextSync() {
          fake.calculationSuspended++;
        },
      },
      /**
       * "Resource limits and performance optimization for Office Add-ins": "Excel on the web has a
       * payload size limit for requests and responses of 5MB. RichAPI.Error will be thrown if that limit
       * is exceeded." Sizes are estimated as the JSON text of the values sent and returned.
       */
      async sync() {
        fake.syncs++;
        if (fake.failAtSync === fake.syncs) throw new FakeExcelError("GeneralException", "connection lost");
        const request = fake.currentBytes;
        fake.requestBytes.push(request);
        fake.currentBytes = 0;
        const loads = fake.pendingLoads;
        fake.pendingLoads = [];
        if (request > PAYLOAD_LIMIT)
          throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
        const response = loads.reduce((sum, l) => sum + l.apply(), 0);
        fake.responseBytes.push(response);
        if (response > PAYLOAD_LIMIT)
          throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
      },
    };
  }

  /**
   * An object whose LOADABLE properties can be read only after load() and sync(). The snapshot is taken
   * at sync; its JSON size counts towards the response.
   */
  private loadable<T extends object>(
    snapshot: (props: Set<string> | null) => Record<string, unknown>,
    extra: T,
  ): T & { load: (p?: string) => unknown } {
    const fake = this;
    let loaded: Record<string, unknown> | null = null;
    // Keep the accessors of `extra` (setters record writes), so no spreading.
    const obj = extra as T & { load: (p?: string) => unknown };
    const proxy = new Proxy(obj, {
      get(target, prop: string) {
        if (LOADABLE.has(prop)) {
          // "PropertyNotLoaded": a property must be loaded, and the context synced, before it is read.
          if (loaded === null || !(prop in loaded))
            throw new FakeExcelError("PropertyNotLoaded", `property ${prop} read before load and sync`);
          return loaded[prop];
        }
        return (target as Record<string, unknown>)[prop];
      },
    });
    Object.defineProperty(obj, "load", {
      value(p?: string) {
        // Only what is asked for is returned (and counts towards the response).
        const props = p
          ? new Set(
              p
                .split(",")
                .map((x) => x.trim().split("/")[0])
                .concat("isNullObject"),
            )
          : null;
        fake.pendingLoads.push({
          apply: () => {
            const snap = snapshot(props);
            loaded = { ...(loaded ?? {}), ...snap };
            return responseSize(snap);
          },
        });
        return proxy;
      },
    });
    // Items of a loaded collection come with their properties loaded.
    Object.defineProperty(obj, "fill", { value: () => ((loaded = snapshot(null)), proxy) });
    return proxy;
  }

  private settingCollection() {
    const fake = this;
    return {
      /** Excel.SettingCollection.add (ExcelApi 1.4): "Sets or adds the specified setting to the workbook." */
      add(name: string, value: unknown) {
        fake.settings.set(name, JSON.parse(JSON.stringify(value)));
        fake.request(JSON.stringify(value).length + name.length);
      },
      getItemOrNullObject(name: string) {
        return fake.loadable(
          () =>
            fake.settings.has(name)
              ? { isNullObject: false, value: JSON.parse(JSON.stringify(fake.settings.get(name))) }
              : { isNullObject: true },
          {},
        );
      },
    };
  }

  private tableCollection() {
    const fake = this;
    const live = () => fake.tables.filter((t) => !t.sheet.deleted);
    return fake.loadable(() => ({ items: live().map((t) => fill(fake.tableObject(t))) }), {
      getItemOrNullObject(name: string) {
        const t = live().find((x) => x.name.toLowerCase() === name.toLowerCase());
        const item = t ? fake.tableObject(t) : fake.nullTable();
        // isNullObject is known after the next sync.
        item.load();
        return item;
      },
    });
  }

  private nullTable() {
    const fake = this;
    const nullRange = fake.loadable(() => ({ isNullObject: true }), {});
    return fake.loadable(() => ({ isNullObject: true }), {
      getRange: () => nullRange,
      getHeaderRowRange: () => nullRange,
      getDataBodyRange: () => nullRange,
      worksheet: fake.loadable(() => ({ isNullObject: true }), {}),
    });
  }

  /**
   * Excel.Table (ExcelApi 1.1): getRange() "Gets the range object associated with the entire table"
   * (header, data body and totals row); getHeaderRowRange() "Gets the range object associated with the
   * header row of the table"; getDataBodyRange() "Gets the range object associated with the data body
   * of the table"; getTotalRowRange() "Gets the range object associated with the totals row".
   */
  private tableObject(t: FakeTableState) {
    const fake = this;
    return fake.loadable(() => ({ name: t.name, isNullObject: false, showTotals: t.showTotals }), {
      get worksheet() {
        return fake.sheetObject(t.sheet);
      },
      getRange: () =>
        fake.rangeObject(t.sheet, () => [t.row, t.col, t.rows + (t.showTotals ? 1 : 0), t.cols]),
      getHeaderRowRange: () => fake.rangeObject(t.sheet, () => [t.row, t.col, 1, t.cols]),
      getDataBodyRange: () => fake.rangeObject(t.sheet, () => [t.row + 1, t.col, t.rows - 1, t.cols]),
      set name(value: string) {
        t.name = value;
      },
      /** Table.clearFilters (ExcelApi 1.2): "Clears all the filters currently applied on the table." */
      clearFilters() {
        t.filterHidden.clear();
        fake.write(t.sheet, 30);
      },
      resize(range: { bounds: () => Bounds }) {
        const [row, col, rows, cols] = range.bounds();
        Object.assign(t, { row, col, rows, cols });
        fake.write(t.sheet, 50);
      },
      rows: {
        /**
         * TableRowCollection.add (ExcelApi 1.1/1.4): "If null or -1, the addition happens at the end. Any
         * rows below the inserted row are shifted downwards." So cells below the table move down with
         * it, never overwritten. Excel's reference does not say what add() does while a filter hides
         * rows (the Excel UI will not insert rows into a filtered table); the fake takes the strict
         * reading and refuses, so the add-in must clear the filter first (issue 10, item 4).
         */
        add(index: number | null | undefined, values: Cell[][]) {
          if (index !== null && index !== undefined && index !== -1)
            throw new Error("the fake only adds rows at the end");
          if (t.filterHidden.size > 0)
            throw new FakeExcelError(
              "InvalidOperation",
              "This operation is not allowed. The operation is attempting to shift cells in a table.",
            );
          if (values.some((r) => r.length !== t.cols))
            throw new FakeExcelError("InvalidArgument", "row width");
          const at = t.row + t.rows;
          fake.shiftDown(t.sheet, at, t.col, t.cols, values.length);
          t.rows += values.length;
          fake.writeCells(t.sheet, [at, t.col, values.length, t.cols], values);
        },
      },
    });
  }

  /** Inserts `count` rows at `row` in columns col..col+cols-1: cells and tables there move down. */
  private shiftDown(s: FakeSheetState, row: number, col: number, cols: number, count: number): void {
    const moved = [...s.cells.entries()].filter(([k]) => {
      const [r, c] = k.split(",").map(Number);
      return r >= row && c >= col && c < col + cols;
    });
    for (const [k] of moved) s.cells.delete(k);
    for (const [k, v] of moved) {
      const [r, c] = k.split(",").map(Number);
      s.cells.set(key(r + count, c), v);
    }
    for (const other of this.tables)
      if (other.sheet === s && other.row >= row && other.col >= col && other.col < col + cols)
        other.row += count;
  }

  /** Deletes rows row..row+count-1 in columns col..col+cols-1: cells below move up. */
  private shiftUp(s: FakeSheetState, row: number, col: number, cols: number, count: number): void {
    const inColumns = (k: string) => {
      const [r, c] = k.split(",").map(Number);
      return { r, c, hit: c >= col && c < col + cols && r >= row };
    };
    const entries = [...s.cells.entries()].filter(([k]) => inColumns(k).hit);
    for (const [k] of entries) s.cells.delete(k);
    for (const [k, v] of entries) {
      const { r, c } = inColumns(k);
      if (r >= row + count) s.cells.set(key(r - count, c), v);
    }
    for (const t of this.tables) {
      if (t.sheet !== s || t.col < col || t.col >= col + cols) continue;
      if (t.row >= row + count) t.row -= count;
      else if (row > t.row && row + count <= t.row + t.rows) t.rows -= count;
    }
  }

  private sheetCollection() {
    const fake = this;
    return fake.loadable(() => ({ items: fake.liveSheets().map((s) => fill(fake.sheetObject(s))) }), {
      add(name: string) {
        const s = fake.addSheet(name);
        fake.write(s, name.length + 20);
        return fake.sheetObject(s);
      },
      getItem(name: string) {
        const s = fake.sheet(name);
        if (!s) throw new FakeExcelError("ItemNotFound", name);
        return fake.sheetObject(s);
      },
    });
  }

  private sheetObject(s: FakeSheetState) {
    const fake = this;
    const sheetObj = fake.loadable(() => ({ name: s.name, id: s.id, isNullObject: false }), {
      set name(value: string) {
        const problem = sheetNameError(value);
        if (problem) throw new FakeExcelError("InvalidArgument", `sheet name '${value}': ${problem}`);
        s.name = value;
        fake.write(s, value.length);
      },
      getRange(address?: string) {
        if (address === undefined) return fake.rangeObject(s, () => [0, 0, MAX_ROWS, MAX_COLS]);
        const m = /^([A-Z]+)(\d+)$/.exec(address)!;
        const col = m[1].split("").reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        return fake.rangeObject(s, () => [Number(m[2]) - 1, col, 1, 1]);
      },
      getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
        return fake.rangeObject(s, () => [row, col, rows, cols]);
      },
      getUsedRangeOrNullObject() {
        return fake.rangeObject(s, () => {
          const coords = [...s.cells.keys()].map((k) => k.split(",").map(Number));
          if (coords.length === 0) return null;
          let r0 = Infinity;
          let c0 = Infinity;
          let r1 = -1;
          let c1 = -1;
          for (const [r, c] of coords) {
            r0 = Math.min(r0, r);
            c0 = Math.min(c0, c);
            r1 = Math.max(r1, r);
            c1 = Math.max(c1, c);
          }
          return [r0, c0, r1 - r0 + 1, c1 - c0 + 1];
        });
      },
      tables: {
        add(range: { bounds: () => Bounds }) {
          const [row, col, rows, cols] = range.bounds();
          const t = fake.addTable(`Table${fake.tables.length + 1}`, s, row, col, rows, cols);
          fake.write(s, 60);
          return fake.tableObject(t);
        },
      },
      charts: fake.chartCollection(s),
      /**
       * Excel.WorksheetFreezePanes (ExcelApi 1.7): freezeAt(frozenRange) "Sets the frozen cells in the active
       * worksheet view. The range provided corresponds to cells that will be frozen in the top- and left-most
       * pane."; freezeRows(count) "Freeze the top row or rows of the worksheet in place."; freezeColumns(count)
       * "Freeze the first column or columns of the worksheet in place."; unfreeze() "Removes all frozen panes
       * in the worksheet." The reference does not say whether freezeRows keeps frozen columns (or the other
       * way round); the fake assumes it does not, so only freezeAt freezes both.
       * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetfreezepanes)
       */
      freezePanes: {
        freezeAt(range: { bounds: () => Bounds }) {
          const [row, col, rows, cols] = range.bounds();
          if (row !== 0 || col !== 0)
            throw new FakeExcelError("InvalidArgument", "the fake freezes from A1 only");
          s.frozenRows = rows;
          s.frozenColumns = cols;
          fake.write(s, 20);
        },
        freezeRows(count: number) {
          s.frozenRows = count;
          s.frozenColumns = 0;
          fake.write(s, 20);
        },
        freezeColumns(count: number) {
          s.frozenColumns = count;
          s.frozenRows = 0;
          fake.write(s, 20);
        },
        unfreeze() {
          s.frozenRows = 0;
          s.frozenColumns = 0;
          fake.write(s, 20);
        },
      },
      set visibility(v: string) {
        s.visibility = v;
        fake.write(s, 20);
      },
      activate() {
        fake.active = s.name;
      },
      delete() {
        fake.write(s, 20);
        s.deleted = true;
        for (const t of fake.tables) if (t.sheet === s) t.name = `${t.name}#deleted`;
      },
    });
    return sheetObj;
  }

  /**
   * Chart data as Excel guesses it from a source range (ChartCollection.add(type, sourceData, seriesBy)):
   * a first row of text gives the series names and a first column of text the categories; a first
   * column of numbers (years stored as numbers) becomes one more series, the "Jaar" series issue 10
   * reports. The reference documents no rule for the guess, so the fake models this common case only;
   * ChartSeries.setXAxisValues (ExcelApi 1.7, "Sets the values of the x-axis for a chart series") and
   * ChartSeries.name remove the guess, which is what the add-in relies on.
   */
  private chartCollection(s: FakeSheetState) {
    const fake = this;
    const text = (v: Cell) => typeof v === "string" && v !== "";
    return fake.loadable(
      () => ({ items: s.charts.filter((c) => !c.deleted).map((c) => fill(chartObject(c))) }),
      {
        add(type: string, range: { bounds: () => Bounds }) {
          const [row, col, rows, cols] = range.bounds();
          const grid = fake.values(s, row, col, rows, cols);
          const header = grid[0].slice(1).every(text) || (grid[0].every(text) && rows > 1);
          const body = header ? grid.slice(1) : grid;
          const categoryColumn = cols > 1 && body.every((r) => text(r[0]));
          const first = categoryColumn ? 1 : 0;
          const series: FakeSeries[] = [];
          for (let c = first; c < cols; c++)
            series.push({
              name: header ? String(grid[0][c]) : `Reeks${c - first + 1}`,
              values: [row + (header ? 1 : 0), col + c, body.length, 1],
              categories: categoryColumn ? body.map((r) => r[0]) : null,
            });
          const chart: FakeChart = { type, title: "", series, deleted: false };
          s.charts.push(chart);
          fake.write(s, 100);
          return chartObject(chart);
        },
      },
    );
    function chartObject(chart: FakeChart) {
      return fake.loadable(() => ({ name: chart.title }), {
        title: {
          set text(v: string) {
            chart.title = v;
            fake.write(s, v.length);
          },
        },
        axes: { valueAxis: { numberFormat: "" } },
        series: {
          getItemAt(i: number) {
            const series = chart.series[i];
            if (!series) throw new FakeExcelError("ItemNotFound", `series ${i}`);
            return {
              set name(v: string) {
                series.name = v;
                fake.write(s, v.length + 20);
              },
              setXAxisValues(range: { bounds: () => Bounds }) {
                const [r, c, n, w] = range.bounds();
                if (w !== 1) throw new Error("categories: one column");
                series.categories = fake.values(s, r, c, n, 1).map((x) => x[0]);
                fake.write(s, 60);
              },
            };
          },
        },
        setPosition() {
          fake.write(s, 40);
        },
        delete() {
          chart.deleted = true;
          fake.write(s, 20);
        },
      });
    }
  }

  /**
   * Range.values, set: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
   * Excel interprets this value as a formula" (Excel.Range, values); other strings are parsed as if typed
   * (see typed-input.ts). "Excel add-ins: blank and null values": "Use null in 2-D arrays to leave
   * specific cells unchanged while updating others"; "Empty strings ('') clear or reset property values."
   */
  writeCells(s: FakeSheetState, [row, col, rows, cols]: Bounds, v: (Cell | null)[][]): void {
    if (v.length !== rows || v.some((r) => r.length !== cols))
      throw new FakeExcelError("InvalidArgument", `shape ${v.length}x${v[0]?.length} != ${rows}x${cols}`);
    v.forEach((line, r) =>
      line.forEach((x, c) => {
        const k = key(row + r, col + c);
        if (x === null || x === undefined) return;
        s.formulas.delete(k);
        if (x === "") {
          s.cells.delete(k);
          return;
        }
        const typed = parseTyped(x, s.numberFormats.get(k));
        if (typed.formula) {
          s.formulas.set(k, typed.formula);
          s.cells.set(k, "#NAME?");
        } else s.cells.set(k, typed.value);
      }),
    );
    this.write(s, JSON.stringify(v).length);
  }

  private rangeObject(s: FakeSheetState, area: () => Bounds | null) {
    const fake = this;
    const bounds = () => area() as Bounds;
    const inBounds = (k: string) => {
      const [row, col, rows, cols] = bounds();
      const [r, c] = k.split(",").map(Number);
      return r >= row && r < row + rows && c >= col && c < col + cols;
    };
    /** Cells of the range, walking only stored cells when the range is large (a whole sheet). */
    const cellsOf = (fn: (r: number, c: number) => void) => {
      const [row, col, rows, cols] = bounds();
      if (rows * cols > 1_000_000) {
        for (const k of [...s.cells.keys(), ...s.numberFormats.keys()].filter(inBounds)) {
          const [r, c] = k.split(",").map(Number);
          fn(r, c);
        }
        return;
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(row + r, col + c);
    };
    const checkShape = (v: unknown[][]) => {
      const [, , rows, cols] = bounds();
      if (v.length !== rows || v.some((r) => r.length !== cols))
        throw new FakeExcelError("InvalidArgument", `shape ${v.length}x${v[0]?.length} != ${rows}x${cols}`);
    };
    const font = {
      set bold(v: boolean) {
        cellsOf((r, c) => (v ? s.bold.add(key(r, c)) : s.bold.delete(key(r, c))));
        fake.write(s, 20);
      },
      set italic(_v: boolean) {
        fake.write(s, 20);
      },
      set color(_v: string) {
        fake.write(s, 20);
      },
      set size(_v: number) {
        fake.write(s, 20);
      },
    };
    /** Range.rowHidden (ExcelApi 1.2): true when all rows are hidden, false when none, null when some. */
    const rowHidden = (row: number, rows: number): boolean | null => {
      const filtered = new Set(fake.tables.filter((t) => t.sheet === s).flatMap((t) => [...t.filterHidden]));
      let hidden = 0;
      for (let r = row; r < row + rows; r++) if (s.hiddenRows.has(r) || filtered.has(r)) hidden++;
      return hidden === 0 ? false : hidden === rows ? true : null;
    };
    return fake.loadable(
      (props) => {
        const a = area();
        if (!a) return { isNullObject: true };
        const [row, col, rows, cols] = a;
        const all: Record<string, () => unknown> = {
          values: () => fake.values(s, row, col, rows, cols),
          rowIndex: () => row,
          columnIndex: () => col,
          rowCount: () => rows,
          columnCount: () => cols,
          rowHidden: () => rowHidden(row, rows),
          address: () => `${s.name}!${row},${col}`,
        };
        const out: Record<string, unknown> = { isNullObject: false };
        for (const [k, get] of Object.entries(all)) if (!props || props.has(k)) out[k] = get();
        return out;
      },
      {
        bounds,
        set values(v: (Cell | null)[][]) {
          fake.writeCells(s, bounds(), v);
        },
        /** Like values: null leaves a cell's number format alone ("blank and null values"). */
        set numberFormat(v: (string | null)[][]) {
          checkShape(v);
          const [row, col] = bounds();
          v.forEach((line, r) =>
            line.forEach((x, c) => {
              if (x === null) return;
              if (x === "") s.numberFormats.delete(key(row + r, col + c));
              else s.numberFormats.set(key(row + r, col + c), x);
            }),
          );
          fake.write(s, JSON.stringify(v).length);
        },
        format: {
          font,
          fill: {
            set color(_v: string) {
              fake.write(s, 20);
            },
          },
          // RangeFormat.columnWidth (ExcelApi 1.2): "Specifies the width of all columns within the range."
          // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat, columnWidth)
          set columnWidth(v: number) {
            const [, col, , cols] = bounds();
            for (let c = col; c < col + cols && c < col + 1000; c++) s.columnWidths.set(c, v);
            fake.write(s, 20);
          },
          // RangeFormat.wrapText: "Specifies if Excel wraps the text in the object. A null value indicates
          // that the entire range doesn't have a uniform wrap setting." (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat, wrapText)
          set wrapText(v: boolean) {
            cellsOf((r, c) => (v ? s.wrapped.add(key(r, c)) : s.wrapped.delete(key(r, c))));
            fake.write(s, 20);
          },
          autofitColumns() {
            fake.write(s, 20);
          },
          // RangeFormat.autofitRows (ExcelApi 1.2): "Changes the height of the rows of the current range to
          // achieve the best fit, based on the current data in the columns." (same page, autofitRows())
          autofitRows() {
            s.autofitRows.push(bounds());
            fake.write(s, 20);
          },
        },
        dataValidation: {
          set rule(rule: unknown) {
            s.validations.push({ rule, address: bounds() });
            fake.write(s, JSON.stringify(rule).length);
          },
          // DataValidation.prompt: "Prompt when users select a cell." DataValidationPrompt has message,
          // showPrompt ("Specifies if a prompt is shown when a user selects a cell with data validation.")
          // and title; ExcelApi 1.8 (https://learn.microsoft.com/en-us/javascript/api/excel/excel.datavalidationprompt).
          set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
            s.prompts.push({ prompt, address: bounds() });
            fake.write(s, JSON.stringify(prompt).length);
          },
        },
        conditionalFormats: {
          add() {
            const entry = { text: "", fill: "", address: bounds() };
            s.conditional.push(entry);
            fake.write(s, 40);
            return {
              textComparison: {
                format: {
                  fill: {
                    set color(v: string) {
                      entry.fill = v;
                    },
                  },
                  font: { color: "" },
                },
                set rule(rule: { text: string }) {
                  entry.text = rule.text;
                  fake.write(s, 40);
                },
              },
            };
          },
          clearAll() {
            s.conditional = s.conditional.filter((c) => {
              const [r, col] = c.address;
              return !inBounds(key(r, col));
            });
            fake.write(s, 20);
          },
        },
        select() {
          const [row, col] = bounds();
          fake.selected = { sheet: s.name, row, col };
        },
        /** Range.clear(applyTo): "Contents" keeps formats; "All" (the default) clears both. */
        clear(applyTo?: string) {
          cellsOf((r, c) => {
            s.cells.delete(key(r, c));
            s.formulas.delete(key(r, c));
            if (applyTo !== "Contents") {
              s.numberFormats.delete(key(r, c));
              s.bold.delete(key(r, c));
            }
          });
          fake.write(s, 30);
        },
        /** Range.delete(shift) (ExcelApi 1.1): "Deletes the cells associated with the range." */
        delete(shift: string) {
          if (shift !== "Up") throw new Error("the fake deletes with shift up only");
          const [row, col, rows, cols] = bounds();
          fake.shiftUp(s, row, col, cols, rows);
          fake.write(s, 30);
        },
      },
    );
  }
}

/** JSON size of what a load returns (values, names; loaded collection items count a little each). */
function responseSize(snapshot: Record<string, unknown>): number {
  let size = 0;
  for (const [k, v] of Object.entries(snapshot)) {
    if (k === "items") size += (v as unknown[]).length * 50;
    else size += k.length + (JSON.stringify(v)?.length ?? 0);
  }
  return size;
}

/** The Excel enums and globals src/excel uses, as strings like the real API's. */
export function installExcelGlobals(fake?: FakeExcel): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: fake ? fake.run : () => Promise.reject(new Error("no fake Excel installed")),
    SheetVisibility: { hidden: "Hidden", visible: "Visible" },
    DataValidationOperator: { between: "Between" },
    ClearApplyTo: { contents: "Contents", all: "All", formats: "Formats" },
    DeleteShiftDirection: { up: "Up", left: "Left" },
    ConditionalFormatType: { containsText: "ContainsText" },
    ConditionalTextOperator: { contains: "Contains" },
    ChartType: { line: "Line", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns", auto: "Auto" },
    ErrorCodes: {
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    },
  };
  const supported = () => fake?.supportedSets ?? { ExcelApi: "1.17" };
  (globalThis as unknown as { Office: unknown }).Office = {
    context: {
      document: {
        get url() {
          return fake?.documentUrl ?? null;
        },
      },
      requirements: {
        /** Office.context.requirements.isSetSupported(name, minVersion) */
        isSetSupported(name: string, minVersion = "1.1") {
          const have = supported()[name];
          if (!have) return false;
          const [a, b] = have.split(".").map(Number);
          const [x, y] = minVersion.split(".").map(Number);
          return a > x || (a === x && b >= y);
        },
      },
    },
  };
  if (TEXT_FORMAT !== "@") throw new Error("text format");
}

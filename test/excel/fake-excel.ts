/* eslint-disable @typescript-eslint/no-this-alias -- the fake's object literals use accessors, whose own `this` is not the fake */
/**
 * A counting fake of the part of Excel's JavaScript API that src/excel uses. Unlike office-addin-mock it
 * keeps Excel's rules that matter for round trips: loaded properties can be read only after a sync, and
 * every sync records how many bytes of writes it carried. Writes apply at once to an in-memory workbook.
 */
type Cell = string | number | boolean;

export interface FakeSheetState {
  name: string;
  cells: Map<string, Cell>;
  numberFormats: Map<string, string>;
  bold: Set<string>;
  charts: { type: string; title: string; rows: number; cols: number }[];
  conditional: { text: string; fill: string; address: [number, number, number, number] }[];
  validations: { rule: unknown; address: [number, number, number, number] }[];
  visibility: string;
  deleted: boolean;
}

export interface FakeTableState {
  name: string;
  sheet: FakeSheetState;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

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
  "items",
  "address",
]);

export class FakeExcel {
  sheets: FakeSheetState[] = [];
  tables: FakeTableState[] = [];
  syncs = 0;
  requestBytes: number[] = [];
  /** names of the sheets each write landed on, in order */
  writes: string[] = [];
  calculationSuspended = 0;
  active = "";
  selected: { sheet: string; row: number; col: number } | null = null;
  private currentBytes = 0;
  private pendingLoads: (() => void)[] = [];

  addSheet(name: string, rows: Cell[][] = [], table?: string, at: [number, number] = [0, 0]): FakeSheetState {
    const sheet: FakeSheetState = {
      name,
      cells: new Map(),
      numberFormats: new Map(),
      bold: new Set(),
      charts: [],
      conditional: [],
      validations: [],
      visibility: "Visible",
      deleted: false,
    };
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== "" && v !== null && sheet.cells.set(key(at[0] + r, at[1] + c), v)),
    );
    this.sheets.push(sheet);
    if (table)
      this.tables.push({
        name: table,
        sheet,
        row: at[0],
        col: at[1],
        rows: rows.length,
        cols: rows[0]?.length ?? 0,
      });
    return sheet;
  }

  sheet(name: string): FakeSheetState | undefined {
    return this.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase());
  }

  values(sheet: FakeSheetState, row: number, col: number, rows: number, cols: number): Cell[][] {
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => sheet.cells.get(key(row + r, col + c)) ?? ""),
    );
  }

  tableValues(name: string): Cell[][] {
    const t = this.tables.find((x) => x.name === name)!;
    return this.values(t.sheet, t.row, t.col, t.rows, t.cols);
  }

  /** What Excel.run hands the batch. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
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

  private context() {
    const fake = this;
    return {
      workbook: {
        tables: fake.tableCollection(),
        worksheets: fake.sheetCollection(),
      },
      application: {
        suspendApiCalculationUntilNextSync() {
          fake.calculationSuspended++;
        },
      },
      async sync() {
        fake.syncs++;
        fake.requestBytes.push(fake.currentBytes);
        fake.currentBytes = 0;
        const loads = fake.pendingLoads;
        fake.pendingLoads = [];
        loads.forEach((l) => l());
      },
    };
  }

  private loadable<T extends object>(
    snapshot: () => Record<string, unknown>,
    extra: T,
  ): T & { load: (p?: string) => unknown } {
    const fake = this;
    let loaded: Record<string, unknown> | null = null;
    // Keep the accessors of `extra` (setters record writes), so no spreading.
    const obj = extra as T & { load: (p?: string) => unknown };
    const proxy = new Proxy(obj, {
      get(target, prop: string) {
        if (LOADABLE.has(prop)) {
          if (loaded === null) throw new Error(`property ${prop} read before load and sync`);
          return loaded[prop];
        }
        return (target as Record<string, unknown>)[prop];
      },
    });
    Object.defineProperty(obj, "load", {
      value() {
        fake.pendingLoads.push(() => (loaded = snapshot()));
        return proxy;
      },
    });
    // Items of a loaded collection come with their properties loaded.
    Object.defineProperty(obj, "fill", { value: () => ((loaded = snapshot()), proxy) });
    return proxy;
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
      worksheet: fake.loadable(() => ({ isNullObject: true }), {}),
    });
  }

  private tableObject(t: FakeTableState) {
    const fake = this;
    return fake.loadable(() => ({ name: t.name, isNullObject: false }), {
      get worksheet() {
        return fake.sheetObject(t.sheet);
      },
      getRange: () => fake.rangeObject(t.sheet, () => [t.row, t.col, t.rows, t.cols]),
      set name(value: string) {
        t.name = value;
      },
      resize(range: { bounds: () => [number, number, number, number] }) {
        const [row, col, rows, cols] = range.bounds();
        Object.assign(t, { row, col, rows, cols });
        fake.write(t.sheet, 50);
      },
    });
  }

  private sheetCollection() {
    const fake = this;
    const live = () => fake.sheets.filter((s) => !s.deleted);
    return fake.loadable(() => ({ items: live().map((s) => fill(fake.sheetObject(s))) }), {
      add(name: string) {
        if (fake.sheet(name)) throw new Error(`sheet ${name} exists`);
        const s = fake.addSheet(name);
        fake.write(s, name.length + 20);
        return fake.sheetObject(s);
      },
      getItem(name: string) {
        const s = fake.sheet(name);
        if (!s) throw new Error(`ItemNotFound: ${name}`);
        return fake.sheetObject(s);
      },
    });
  }

  private sheetObject(s: FakeSheetState) {
    const fake = this;
    const sheetObj = fake.loadable(() => ({ name: s.name, isNullObject: false }), {
      getRange(address: string) {
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
          const r0 = Math.min(...coords.map((c) => c[0]));
          const c0 = Math.min(...coords.map((c) => c[1]));
          return [
            r0,
            c0,
            Math.max(...coords.map((c) => c[0])) - r0 + 1,
            Math.max(...coords.map((c) => c[1])) - c0 + 1,
          ];
        });
      },
      tables: {
        add(range: { bounds: () => [number, number, number, number] }) {
          const [row, col, rows, cols] = range.bounds();
          const t: FakeTableState = {
            name: `Table${fake.tables.length + 1}`,
            sheet: s,
            row,
            col,
            rows,
            cols,
          };
          fake.tables.push(t);
          fake.write(s, 60);
          return fake.tableObject(t);
        },
      },
      charts: {
        add(type: string, range: { bounds: () => [number, number, number, number] }) {
          const [, , rows, cols] = range.bounds();
          const chart = { type, title: "", rows, cols };
          s.charts.push(chart);
          fake.write(s, 100);
          return {
            title: {
              set text(v: string) {
                chart.title = v;
                fake.write(s, v.length);
              },
            },
            axes: { valueAxis: { numberFormat: "" } },
            setPosition() {
              fake.write(s, 40);
            },
          };
        },
      },
      freezePanes: {
        freezeRows() {
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

  private rangeObject(s: FakeSheetState, area: () => [number, number, number, number] | null) {
    const fake = this;
    const bounds = () => area() as [number, number, number, number];
    const cellsOf = (fn: (r: number, c: number) => void) => {
      const [row, col, rows, cols] = bounds();
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(row + r, col + c);
    };
    const checkShape = (v: unknown[][]) => {
      const [, , rows, cols] = bounds();
      if (v.length !== rows || v.some((r) => r.length !== cols))
        throw new Error(`shape ${v.length}x${v[0]?.length} != ${rows}x${cols}`);
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
    return fake.loadable(
      () => {
        const a = area();
        if (!a) return { isNullObject: true };
        const [row, col, rows, cols] = a;
        return {
          isNullObject: false,
          values: fake.values(s, row, col, rows, cols),
          rowIndex: row,
          columnIndex: col,
          rowCount: rows,
          columnCount: cols,
          address: `${s.name}!${row},${col}`,
        };
      },
      {
        bounds,
        set values(v: Cell[][]) {
          checkShape(v);
          const [row, col] = bounds();
          v.forEach((line, r) =>
            line.forEach((x, c) =>
              x === "" || x === null
                ? s.cells.delete(key(row + r, col + c))
                : s.cells.set(key(row + r, col + c), x),
            ),
          );
          fake.write(s, JSON.stringify(v).length);
        },
        set numberFormat(v: string[][]) {
          checkShape(v);
          const [row, col] = bounds();
          v.forEach((line, r) => line.forEach((x, c) => s.numberFormats.set(key(row + r, col + c), x)));
          fake.write(s, JSON.stringify(v).length);
        },
        format: {
          font,
          fill: {
            set color(_v: string) {
              fake.write(s, 20);
            },
          },
          set columnWidth(_v: number) {
            fake.write(s, 20);
          },
          // RangeFormat.wrapText: "Specifies if Excel wraps the text in the object. A null value indicates
          // that the entire range doesn't have a uniform wrap setting." (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat, wrapText)
          set wrapText(_v: boolean) {
            fake.write(s, 20);
          },
          autofitColumns() {
            fake.write(s, 20);
          },
        },
        dataValidation: {
          set rule(rule: unknown) {
            s.validations.push({ rule, address: bounds() });
            fake.write(s, JSON.stringify(rule).length);
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
        },
        select() {
          const [row, col] = bounds();
          fake.selected = { sheet: s.name, row, col };
        },
        clear() {
          cellsOf((r, c) => s.cells.delete(key(r, c)));
          fake.write(s, 30);
        },
      },
    );
  }
}

/** The Excel enums src/excel uses, as strings like the real API's. */
export function installExcelGlobals(): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    SheetVisibility: { hidden: "Hidden", visible: "Visible" },
    DataValidationOperator: { between: "Between" },
    ClearApplyTo: { contents: "Contents" },
    ConditionalFormatType: { containsText: "ContainsText" },
    ConditionalTextOperator: { contains: "Contains" },
    ChartType: { line: "Line", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };
}

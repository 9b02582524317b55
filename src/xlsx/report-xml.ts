/**
 * The report's sheets written straight as SpreadsheetML parts (ECMA-376 part 1, §18), without ExcelJS's
 * workbook model: the parts patch-xlsx.ts adds to the user's file at the preview's download.
 *
 * Why: the same ten report sheets took ExcelJS about 1.1 s to lay out and render in the preview's worker
 * (its transpiled browser build; 0.3 s in Node), most of the download. Here each sheet is one pass over its
 * cells. The layout is the report's own (ReportSheet: values, format ranges, widths, frozen panes, ja/nee
 * rules) and the styles come from the same cellStyles as the ExcelJS writer's (report-sheet.ts), so both
 * writers give the same sheets; test/xlsx/report-xml.test.ts reads both back with ExcelJS and compares them
 * cell by cell. The parts form a package of their own as well (content types, relationships), which is how
 * that test opens them.
 */
import { YES_NO_COLOURS, type ReportSheet } from "../model/report";
import { argb, cellStyles, colName } from "./report-sheet";
import type { RenderedParts } from "./patch-xlsx";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's built-in number formats that the report uses (ECMA-376 §18.8.30); others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

/** Text as XML character data: markup escaped, and characters XML cannot carry as ST_Xstring's _xHHHH_. */
export function xmlText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

/** The workbook-wide style lists: every distinct look once, numbered as the cells refer to them. */
class StyleSheet {
  private readonly formats = new Map<string, number>();
  private readonly fonts: string[] = [
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  ];
  private readonly fills: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly dxfs: string[] = [];
  private readonly index = new Map<string, number>();

  /** The number of `xml` in a list (`kind`), added at its end the first time. */
  private indexOf(kind: "font" | "fill" | "xf", list: string[], xml: string): number {
    const key = `${kind}:${xml}`;
    let i = this.index.get(key);
    if (i === undefined) this.index.set(key, (i = list.push(xml) - 1));
    return i;
  }

  private formatId(code: string): number {
    if (Object.prototype.hasOwnProperty.call(BUILT_IN_FORMATS, code)) return BUILT_IN_FORMATS[code];
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = 164 + this.formats.size));
    return id;
  }

  /** The cell format (xf) for a report cell style; 0 for none. */
  cellFormat(style: ReturnType<typeof cellStyles>["styles"][number]): number {
    const numFmtId = style.numFmt ? this.formatId(style.numFmt) : 0;
    let fontId = 0;
    if (style.font) {
      const f = style.font;
      const parts = [
        f.bold ? "<b/>" : "",
        f.italic ? "<i/>" : "",
        f.size ? `<sz val="${f.size}"/>` : "",
        f.color?.argb ? `<color rgb="${f.color.argb}"/>` : "",
      ].join("");
      fontId = this.indexOf("font", this.fonts, `<font>${parts}</font>`);
    }
    let fillId = 0;
    if (style.fill && style.fill.type === "pattern" && style.fill.fgColor?.argb)
      fillId = this.indexOf(
        "fill",
        this.fills,
        `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill.fgColor.argb}"/></patternFill></fill>`,
      );
    const wrap = style.alignment?.wrapText;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : "/>");
    return this.indexOf("xf", this.xfs, xf);
  }

  /** A differential format for a conditional rule: text colour and background. */
  differential(font: string, fill: string): number {
    return (
      this.dxfs.push(
        `<dxf><font><color rgb="${font}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${fill}"/></patternFill></fill></dxf>`,
      ) - 1
    );
  }

  xml(): string {
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`,
    );
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` +
      "</styleSheet>"
    );
  }
}

/** The shared strings: each distinct text once. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  count = 0;
  id(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(text, id);
      const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
      this.items.push(`<si><t${preserve}>${xmlText(text)}</t></si>`);
    }
    return id;
  }
  get size(): number {
    return this.items.length;
  }
  xml(): string {
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join("")}</sst>`;
  }
}

/** One worksheet part. */
function sheetXml(sheet: ReportSheet, styles: StyleSheet, strings: SharedStrings): string {
  const { styles: looks, ids } = cellStyles(sheet);
  const xfOf = looks.map((look, i) => (i === 0 ? 0 : styles.cellFormat(look)));
  const rows: string[] = [];
  let lastCol = 0;
  const lastRow = Math.max(sheet.cells.length, ids.length) - 1;
  for (let r = 0; r <= lastRow; r++) {
    const values = sheet.cells[r] ?? [];
    const rowStyles = ids[r] ?? [];
    const width = Math.max(values.length, rowStyles.length);
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      const value = values[c];
      const xf = xfOf[rowStyles[c] ?? 0];
      const hasValue =
        value !== null && value !== undefined && !(typeof value === "number" && !Number.isFinite(value));
      if (!hasValue && !xf) continue;
      const ref = `${colName(c)}${r + 1}`;
      const s = xf ? ` s="${xf}"` : "";
      lastCol = Math.max(lastCol, c + 1);
      if (!hasValue) cells.push(`<c r="${ref}"${s}/>`);
      else if (typeof value === "number") cells.push(`<c r="${ref}"${s}><v>${value}</v></c>`);
      else if (typeof value === "boolean") cells.push(`<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
      else cells.push(`<c r="${ref}"${s} t="s"><v>${strings.id(value)}</v></c>`);
    }
    if (cells.length) rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  }
  const freezeRows = sheet.freezeRows ?? 0;
  const freezeColumns = sheet.freezeColumns ?? 0;
  let pane = "";
  if (freezeRows || freezeColumns) {
    const active = freezeRows && freezeColumns ? "bottomRight" : freezeRows ? "bottomLeft" : "topRight";
    const topLeft = `${colName(freezeColumns)}${freezeRows + 1}`;
    pane =
      `<pane${freezeColumns ? ` xSplit="${freezeColumns}"` : ""}${freezeRows ? ` ySplit="${freezeRows}"` : ""}` +
      ` topLeftCell="${topLeft}" activePane="${active}" state="frozen"/>` +
      // The active cell in the pane that is active, as Excel itself writes it.
      `<selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }
  const cols = sheet.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  const rules = sheet.conditional.map((cf, i) => {
    const first = `${colName(cf.col)}${cf.row + 1}`;
    const ref = `${first}:${colName(cf.col + cf.cols - 1)}${cf.row + cf.rows}`;
    const rule = (text: string, priority: number, colours: { font: string; fill: string }) => {
      const dxf = styles.differential(argb(colours.font), argb(colours.fill));
      // The same test Excel writes for "Text that contains": SEARCH, so without regard to case.
      const formula = xmlText(`NOT(ISERROR(SEARCH("${text.replace(/"/g, '""')}",${first})))`);
      return (
        `<cfRule type="containsText" dxfId="${dxf}" priority="${priority}" operator="containsText" ` +
        `text="${xmlText(text)}"><formula>${formula}</formula></cfRule>`
      );
    };
    return (
      `<conditionalFormatting sqref="${ref}">` +
      // Priorities unique on the sheet, as Excel requires of its rules (FormatCondition.Priority).
      rule(cf.yes ?? "ja", 2 * i + 1, YES_NO_COLOURS.yes) +
      rule(cf.no ?? "nee", 2 * i + 2, YES_NO_COLOURS.no) +
      "</conditionalFormatting>"
    );
  });
  const dimension = rows.length ? `A1:${colName(Math.max(lastCol, 1) - 1)}${lastRow + 1}` : "A1";
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    rules.join("") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    "</worksheet>"
  );
}

/**
 * The report's sheets as the parts of a workbook of their own: xl/workbook.xml and its relationships, the
 * styles, the shared strings, one xl/worksheets/sheetN.xml per sheet in order, and the package's content
 * types and relationships. Sheet names must already be valid and unique (nameReportSheets).
 */
export function renderReportParts(sheets: ReportSheet[]): RenderedParts {
  const encoder = new TextEncoder();
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const parts: RenderedParts = {};
  const sheetList: string[] = [];
  const rels: string[] = [];
  const overrides: string[] = [];
  sheets.forEach((sheet, i) => {
    const part = `worksheets/sheet${i + 1}.xml`;
    parts[`xl/${part}`] = encoder.encode(sheetXml(sheet, styles, strings));
    sheetList.push(`<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${part}"/>`);
    overrides.push(
      `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
  });
  const n = sheets.length;
  rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  parts["xl/styles.xml"] = encoder.encode(styles.xml());
  if (strings.size) {
    rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts["xl/sharedStrings.xml"] = encoder.encode(strings.xml());
    overrides.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    );
  }
  parts["xl/workbook.xml"] = encoder.encode(
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetList.join("")}</sheets></workbook>`,
  );
  parts["xl/_rels/workbook.xml.rels"] = encoder.encode(
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${rels.join("")}</Relationships>`,
  );
  parts["_rels/.rels"] = encoder.encode(
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts["[Content_Types].xml"] = encoder.encode(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      overrides.join("") +
      "</Types>",
  );
  return parts;
}

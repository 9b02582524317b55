/**
 * A shortcut in front of the XML parser for a worksheet's rows. Most of a large sheet is rows of plain cells,
 * written by Excel in one shape: `<row r="2" ...><c r="A2" s="1" t="s"><v>21</v></c>...</row>`. Such a row is
 * recognised here by regular expressions and handed on as the parser's own events (open, text, close), in the
 * same order and with the same names, attributes and text saxes would give; the cell's meaning stays
 * ExcelJS's (its cell parser receives these events). Everything else goes to saxes itself, whole: the XML
 * before and after sheetData, and any row with anything else in it (a formula, an inline string, an entity,
 * single quotes, a comment). A row is either recognised completely or passed on completely, so saxes never
 * sees half a row; after anything unexpected between rows the rest of the sheet goes to saxes.
 * Measured on the 150,000-row department (`npm run bench:readers`): the read takes about half the time. A cell
 * in the shape Excel writes most (ExcelCell) is read character by character, without regular expressions or
 * strings, and handed to a reader that takes it (XmlEvents.excelCell): a third less again.
 */

export interface XmlEvents {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
  /**
   * A cell in the shape Excel writes most (ExcelCell), for a reader that can take it without the parser's
   * events: true when taken, false to get the events instead. The object is reused from cell to cell.
   */
  excelCell?(cell: ExcelCell): boolean;
  /**
   * A recognised row's start, for a reader that needs only its number (r, digits), in place of open("row")
   * and its attributes; a row without such an r comes as open("row") as ever.
   */
  excelRow?(row: number): void;
}

/**
 * A cell written as `<c r="B2" s="1" t="s"><v>21</v></c>`: r as column letters and row digits, then s (digits)
 * and t ("s" or "n") if present, in that order, and either no content or one `<v>` of text without entities.
 * Read from the text's characters with no strings made: 900,000 such cells are most of a large formation
 * sheet.
 */
export interface ExcelCell {
  /** the text being scanned; the cell's `<v>` text is text.slice(valueStart, valueEnd) */
  text: string;
  /** the bytes being scanned instead (sheet-bytes-scanner.ts): then the positions are in these, text is "" */
  bytes: Uint8Array | null;
  /** -1 for a cell without `<v>` (`<c .../>` or `<c ...></c>`) */
  valueStart: number;
  valueEnd: number;
  /** 1 for A */
  col: number;
  /** the s attribute, 0 without one */
  style: number;
  /** t="s": the value is a shared string's index; otherwise (no t, t="n") a number */
  shared: boolean;
}

/** A tag's attributes in the one form recognised: name="value", the value without & < or line breaks. */
const ATTRIBUTES = String.raw`((?:\s+[A-Za-z_][\w:.-]*="[^"&<\t\n\r]*")*)\s*`;
/** A cell: empty (`<c .../>`, `<c ...></c>`) or with a value (`<c ...><v>text</v></c>`). */
const CELL = new RegExp(String.raw`<c${ATTRIBUTES}(?:/>|>(?:<v>([^<&\r]*)</v>)?</c>)`, "y");
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)="([^"]*)"/g;
const SHEET_DATA_OPEN = /<sheetData(?:\s[^>]*)?>/y;
/** The start of a comment, CDATA, a DOCTYPE or a processing instruction (the XML declaration among them). */
const MARKUP = /<[!?]/g;
const XML_DECLARATION = /^<\?xml\s/;

export function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (!text) return attributes;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) attributes[m[1]] = m[2];
  return attributes;
}

/** [A-Za-z_], as ATTRIBUTES' names begin (a character code or a byte). */
export function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** [\w:.-], as ATTRIBUTES' names go on. */
export function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 58) || code === 46 || code === 45;
}

/** XML's white space (a character code or a byte). */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Takes the sheet's text a piece at a time, as saxes' write does, and sends it on (see above). */
export class SheetDataScanner {
  /** before sheetData; inside it (rows recognised here); everything else to saxes */
  private mode: "before" | "rows" | "parser" = "before";
  /** whether no text has been seen yet (where the XML declaration may stand) */
  private atStart = true;
  /** the start of a piece not yet complete (a tag or a row cut by the end of a piece) */
  private carry = "";
  /**
   * One row's cells, recognised before any is sent on, as positions in the text: the attributes' text, the
   * `<v>` text (-1 without one), and for a cell in Excel's shape (ExcelCell) its column, style and type.
   */
  private readonly cells = new CellPositions();
  /** the row tag last read by rowOpen */
  private readonly row = newRowTag();
  private readonly excelCell = newExcelCell();

  constructor(
    private readonly parser: { write(text: string): unknown },
    private readonly events: XmlEvents,
  ) {}

  write(piece: string): void {
    if (this.mode === "parser") {
      this.parser.write(piece);
      return;
    }
    let text = this.carry + piece;
    this.carry = "";
    if (this.mode === "before") {
      const rest = this.beforeSheetData(text);
      if (rest === null) return;
      text = rest;
    }
    this.rows(text);
  }

  /** Whether it is reading rows with nothing held back: the next text it is given may begin a row. */
  get readsRows(): boolean {
    return this.mode === "rows" && this.carry === "";
  }

  /** The rest, at the end of the sheet: whatever is left goes to saxes, which decides whether it is whole. */
  end(): void {
    const rest = this.carry;
    this.carry = "";
    this.mode = "parser";
    if (rest) this.parser.write(rest);
  }

  /** Whether markup other than the XML declaration at the sheet's very start stands in text before `end`. */
  private markupBefore(text: string, end: number): boolean {
    MARKUP.lastIndex = 0;
    for (let m = MARKUP.exec(text); m && m.index < end; m = MARKUP.exec(text))
      if (!(m.index === 0 && this.atStart && XML_DECLARATION.test(text))) return true;
    return false;
  }

  /** Sends everything up to and including `<sheetData>` to saxes; returns what follows it, null before it. */
  private beforeSheetData(text: string): string | null {
    const at = text.indexOf("<sheetData");
    // A comment, CDATA or processing instruction before sheetData could hold "<sheetData" and rows that are
    // not the sheet's (Excel writes none there): the whole sheet then goes to saxes. The text checked includes
    // the kept end of the piece before, so a "<!" cut between pieces is seen.
    if (this.markupBefore(text, at < 0 ? text.length : at)) {
      this.mode = "parser";
      this.parser.write(text);
      return null;
    }
    if (at < 0) {
      // "<sheetData" may be cut at the end of this piece: keep its possible start.
      const keep = Math.min(text.length, "<sheetData".length - 1);
      // Still at the start while all of it is kept (a tiny piece): the declaration comes round again.
      if (text.length > keep) this.atStart = false;
      this.parser.write(text.slice(0, text.length - keep));
      this.carry = text.slice(text.length - keep);
      return null;
    }
    this.atStart = false;
    const close = text.indexOf(">", at);
    if (close < 0) {
      this.parser.write(text.slice(0, at));
      this.carry = text.slice(at);
      return null;
    }
    SHEET_DATA_OPEN.lastIndex = at;
    if (!SHEET_DATA_OPEN.exec(text) || text[close - 1] === "/") {
      // <sheetData/>, or a name that only begins so: nothing for the shortcut.
      this.mode = "parser";
      this.parser.write(text);
      return null;
    }
    this.parser.write(text.slice(0, close + 1));
    this.mode = "rows";
    return text.slice(close + 1);
  }

  private rows(text: string): void {
    let at = 0;
    const length = text.length;
    while (true) {
      while (at < length && isSpace(text.charCodeAt(at))) at++;
      if (at === length) return;
      const after = text.charCodeAt(at + 4); // NaN at the end of the text
      if (
        text.startsWith("<row", at) &&
        (after !== after || isSpace(after) || after === 47 || after === 62)
      ) {
        const contentStart = this.rowOpen(text, at);
        const open = contentStart >= 0;
        if (open && this.row.selfClosing) {
          this.sendRowOpen(text);
          this.events.close("row");
          at = contentStart;
          continue;
        }
        // Up to the next "</row>": this row, or (after a row tag in another form, perhaps <row .../>) whole
        // rows, since "<" cannot stand in an attribute's value nor unescaped in text.
        const end = text.indexOf("</row>", open ? contentStart : at);
        if (end < 0) return this.keep(text, at);
        if (!open || !this.recognise(text, contentStart, end)) {
          // A comment or CDATA may hide the "</row>" found: the rest of the sheet to saxes, from this row on.
          if (text.lastIndexOf("<!", end) >= at) return this.toParser(text, at);
          this.parser.write(text.slice(at, end + 6));
        } else this.send(text);
        at = end + 6;
        continue;
      }
      // The end of sheetData, or anything else between rows: from here on saxes reads it all.
      if (
        length - at < 16 &&
        ("</sheetData>".startsWith(text.slice(at)) || "<row".startsWith(text.slice(at)))
      )
        return this.keep(text, at);
      return this.toParser(text, at);
    }
  }

  /**
   * The row tag at `at` (`<row`, name="value" attributes in the form ATTRIBUTES reads, `>` or `/>`), read
   * character by character into `row`: where its content starts, or -1 when it is in another form (then the
   * row goes to saxes whole). Its r as a number when it is digits, for XmlEvents.excelRow. The same rules on
   * bytes: SheetBytesScanner.rowOpen (sheet-bytes-scanner.ts); the tests against saxes hold both to them.
   */
  private rowOpen(text: string, at: number): number {
    const { row } = this;
    let p = at + 4;
    row.attributesStart = p;
    row.number = NaN;
    for (;;) {
      const spaceFrom = p;
      while (isSpace(text.charCodeAt(p))) p++;
      const c = text.charCodeAt(p);
      if (c === GREATER || (c === SLASH && text.charCodeAt(p + 1) === GREATER)) {
        row.attributesEnd = p;
        row.selfClosing = c === SLASH;
        return p + (c === SLASH ? 2 : 1);
      }
      if (p === spaceFrom || !isNameStart(c)) return -1;
      const nameFrom = p;
      for (p++; isNameChar(text.charCodeAt(p)); p++);
      const isR = p - nameFrom === 1 && c === 114;
      if (text.charCodeAt(p) !== EQUALS || text.charCodeAt(p + 1) !== QUOTE) return -1;
      p += 2;
      const valueFrom = p;
      let value = 0;
      let digits = true;
      for (let v = text.charCodeAt(p); v !== QUOTE; v = text.charCodeAt(++p)) {
        if (v !== v || v === 38 || v === LESS || v === 9 || v === 10 || v === 13) return -1;
        if (v >= 48 && v <= 57) value = value * 10 + (v - 48);
        else digits = false;
      }
      if (isR) row.number = digits && p > valueFrom && p - valueFrom <= 15 ? value : NaN;
      p++;
    }
  }

  /** The row's start: excelRow with its number where the reader takes it, else open("row") with attributes. */
  private sendRowOpen(text: string): void {
    const { events, row } = this;
    if (events.excelRow && row.number === row.number) events.excelRow(row.number);
    else events.open("row", attributesOf(text.slice(row.attributesStart, row.attributesEnd)));
  }

  /** Whether the row's content is plain cells only; if so they wait in `cells`. */
  private recognise(text: string, start: number, end: number): boolean {
    const { cells } = this;
    cells.count = 0;
    let at = start;
    while (true) {
      while (at < end && isSpace(text.charCodeAt(at))) at++;
      if (at === end) return true;
      const next = excelShapedCell(text, at, end, cells);
      if (next >= 0) {
        at = next;
        continue;
      }
      CELL.lastIndex = at;
      const cell = CELL.exec(text);
      if (!cell || CELL.lastIndex > end) return false;
      const attributesEnd = at + 2 + cell[1].length;
      const valueEnd = CELL.lastIndex - "</v></c>".length;
      if (cell[2] === undefined) cells.add(at + 2, attributesEnd, -1, -1, 0, 0, false, false);
      else cells.add(at + 2, attributesEnd, valueEnd - cell[2].length, valueEnd, 0, 0, false, false);
      at = CELL.lastIndex;
    }
  }

  /** The recognised row as saxes' events (or ExcelCell for a reader that takes them). */
  private send(text: string): void {
    const { events, cells, excelCell } = this;
    this.sendRowOpen(text);
    excelCell.text = text;
    for (let i = 0; i < cells.count; i++) {
      const valueStart = cells.valueStart[i];
      if (events.excelCell && cells.excelShaped[i]) {
        excelCell.valueStart = valueStart;
        excelCell.valueEnd = cells.valueEnd[i];
        excelCell.col = cells.col[i];
        excelCell.style = cells.style[i];
        excelCell.shared = cells.shared[i];
        if (events.excelCell(excelCell)) continue;
      }
      events.open("c", attributesOf(text.slice(cells.attributesStart[i], cells.attributesEnd[i])));
      if (valueStart >= 0) {
        events.open("v", {});
        if (cells.valueEnd[i] > valueStart) events.text(text.slice(valueStart, cells.valueEnd[i]));
        events.close("v");
      }
      events.close("c");
    }
    excelCell.text = "";
    events.close("row");
  }

  private keep(text: string, at: number): void {
    this.carry = text.slice(at);
  }

  private toParser(text: string, at: number): void {
    this.mode = "parser";
    this.parser.write(text.slice(at));
  }
}

/** One row's cells as positions in the text (SheetDataScanner.recognise), kept in arrays reused row to row. */
export class CellPositions {
  count = 0;
  readonly attributesStart: number[] = [];
  readonly attributesEnd: number[] = [];
  readonly valueStart: number[] = [];
  readonly valueEnd: number[] = [];
  readonly col: number[] = [];
  readonly style: number[] = [];
  readonly shared: boolean[] = [];
  readonly excelShaped: boolean[] = [];

  add(
    attributesStart: number,
    attributesEnd: number,
    valueStart: number,
    valueEnd: number,
    col: number,
    style: number,
    shared: boolean,
    excelShaped: boolean,
  ): void {
    const i = this.count++;
    this.attributesStart[i] = attributesStart;
    this.attributesEnd[i] = attributesEnd;
    this.valueStart[i] = valueStart;
    this.valueEnd[i] = valueEnd;
    this.col[i] = col;
    this.style[i] = style;
    this.shared[i] = shared;
    this.excelShaped[i] = excelShaped;
  }
}

/** A row tag as rowOpen reads it: where its attributes stand, its r when digits, whether it is `<row .../>`. */
export function newRowTag(): {
  attributesStart: number;
  attributesEnd: number;
  number: number;
  selfClosing: boolean;
} {
  return { attributesStart: 0, attributesEnd: 0, number: NaN, selfClosing: false };
}

/** The ExcelCell a scanner hands on, reused from cell to cell. */
export function newExcelCell(): ExcelCell {
  return { text: "", bytes: null, valueStart: -1, valueEnd: -1, col: 0, style: 0, shared: false };
}

const QUOTE = 34;
const EQUALS = 61;
const LESS = 60;
const GREATER = 62;
const SLASH = 47;

/**
 * A cell in Excel's shape (ExcelCell) at `at`, read character by character and added to `cells`; returns
 * where it ends, or -1 for anything else (which the general pattern, CELL, then reads or refuses). The cell
 * must end by `end`. What it accepts is a subset of what CELL accepts, with the same meaning. The same rules
 * on bytes: excelShapedCell in sheet-bytes-scanner.ts.
 */
function excelShapedCell(text: string, at: number, end: number, cells: CellPositions): number {
  if (!text.startsWith('<c r="', at)) return -1;
  let p = at + 6;
  let col = 0;
  for (let c = text.charCodeAt(p); c >= 65 && c <= 90; c = text.charCodeAt(++p)) col = col * 26 + (c - 64);
  if (col === 0) return -1;
  const digitsFrom = p;
  for (let c = text.charCodeAt(p); c >= 48 && c <= 57; c = text.charCodeAt(++p));
  if (p === digitsFrom || text.charCodeAt(p) !== QUOTE) return -1;
  p++;
  let style = 0;
  if (text.startsWith(' s="', p)) {
    p += 4;
    const from = p;
    for (let c = text.charCodeAt(p); c >= 48 && c <= 57; c = text.charCodeAt(++p))
      style = style * 10 + (c - 48);
    if (p === from || p - from > 9 || text.charCodeAt(p) !== QUOTE) return -1;
    p++;
  }
  let shared = false;
  if (text.startsWith(' t="', p)) {
    const t = text.charCodeAt(p + 4);
    if ((t !== 115 && t !== 110) || text.charCodeAt(p + 5) !== QUOTE) return -1; // "s" or "n"
    shared = t === 115;
    p += 6;
  }
  const attributesEnd = p;
  if (text.charCodeAt(p) === SLASH && text.charCodeAt(p + 1) === GREATER) {
    if (p + 2 > end) return -1;
    cells.add(at + 2, attributesEnd, -1, -1, col, style, shared, true);
    return p + 2;
  }
  if (text.charCodeAt(p) !== GREATER) return -1;
  p++;
  if (text.startsWith("</c>", p)) {
    if (p + 4 > end) return -1;
    cells.add(at + 2, attributesEnd, -1, -1, col, style, shared, true);
    return p + 4;
  }
  if (!text.startsWith("<v>", p)) return -1;
  p += 3;
  const valueStart = p;
  // The value's text runs to the next "<"; an entity (&) or a carriage return (which the parser turns into
  // a line break) needs the parser.
  for (let c = text.charCodeAt(p); c !== LESS; c = text.charCodeAt(++p))
    if (c === 38 || c === 13 || c !== c) return -1;
  const valueEnd = p;
  if (!text.startsWith("</v></c>", p) || p + 8 > end) return -1;
  cells.add(at + 2, attributesEnd, valueStart, valueEnd, col, style, shared, true);
  return p + 8;
}

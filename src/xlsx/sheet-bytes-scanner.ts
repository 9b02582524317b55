/**
 * The worksheet shortcut (sheet-data-scanner.ts) on the inflated bytes themselves, before they are decoded
 * to text. A row of cells in Excel's shape (ExcelCell) is read from the bytes and handed on with positions
 * in them (ExcelCell.bytes); everything else is decoded and goes to the text scanner, which reads it as it
 * always has: the XML up to and including `<sheetData>` in one piece, any other row whole, and from
 * anything else between rows (the end of sheetData among them) the rest of the sheet.
 * Why: decoding the 150,000-row formation sheet's 37 MB of XML to text took about 0.2 s of its read in
 * Chromium (TextDecoderStream) and made as many megabytes of strings for the garbage collector.
 */
import {
  attributesOf,
  CellPositions,
  isNameChar,
  isNameStart,
  isSpace,
  newExcelCell,
  newRowTag,
  SheetDataScanner,
  type XmlEvents,
} from "./sheet-data-scanner";

/** An ASCII pattern as bytes. */
const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ROW_CLOSE = ascii("</row>");
const SHEET_DATA = ascii("<sheetData");
const EMPTY = new Uint8Array(0);

/** Bytes before `<sheetData ...>` held back at most: past this the sheet goes to the text scanner as it comes. */
const BEFORE_LIMIT = 1 << 20;

const QUOTE = 34;
const AMPERSAND = 38;
const EQUALS = 61;
const LESS = 60;
const GREATER = 62;
const SLASH = 47;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const LOWER_C = 99;
const LOWER_O = 111;
const LOWER_R = 114;
const LOWER_S = 115;
const LOWER_T = 116;
const LOWER_V = 118;
const LOWER_W = 119;

// Excel's row and cell tags, tested byte by byte before `end`: unrolled, the scanner took about a quarter less
// than with a loop over each pattern (startsAt) in the 150,000-row read (Node, fastest of twelve:
// 127-205 to 93-149 ms).
/** `<row` */
function rowOpenAt(b: Uint8Array, p: number, end: number): boolean {
  return (
    p + 4 <= end && b[p] === LESS && b[p + 1] === LOWER_R && b[p + 2] === LOWER_O && b[p + 3] === LOWER_W
  );
}
/** `</row>` */
function rowCloseAt(b: Uint8Array, p: number, end: number): boolean {
  return (
    p + 6 <= end &&
    b[p] === LESS &&
    b[p + 1] === SLASH &&
    b[p + 2] === LOWER_R &&
    b[p + 3] === LOWER_O &&
    b[p + 4] === LOWER_W &&
    b[p + 5] === GREATER
  );
}
/** `<c r="` */
function cellOpenAt(b: Uint8Array, p: number, end: number): boolean {
  return (
    p + 6 <= end &&
    b[p] === LESS &&
    b[p + 1] === LOWER_C &&
    b[p + 2] === SPACE &&
    b[p + 3] === LOWER_R &&
    b[p + 4] === EQUALS &&
    b[p + 5] === QUOTE
  );
}
/** ` s="` or ` t="` (`name`, the attribute's letter) with at least one byte after it */
function attributeAt(b: Uint8Array, p: number, end: number, name: number): boolean {
  return p + 4 < end && b[p] === SPACE && b[p + 1] === name && b[p + 2] === EQUALS && b[p + 3] === QUOTE;
}
/** `</c>` */
function cellCloseAt(b: Uint8Array, p: number, end: number): boolean {
  return p + 4 <= end && b[p] === LESS && b[p + 1] === SLASH && b[p + 2] === LOWER_C && b[p + 3] === GREATER;
}
/** `<v>` */
function valueOpenAt(b: Uint8Array, p: number, end: number): boolean {
  return p + 3 <= end && b[p] === LESS && b[p + 1] === LOWER_V && b[p + 2] === GREATER;
}
/** `</v></c>` */
function valueCellCloseAt(b: Uint8Array, p: number, end: number): boolean {
  return (
    p + 8 <= end &&
    b[p] === LESS &&
    b[p + 1] === SLASH &&
    b[p + 2] === LOWER_V &&
    b[p + 3] === GREATER &&
    b[p + 4] === LESS &&
    b[p + 5] === SLASH &&
    b[p + 6] === LOWER_C &&
    b[p + 7] === GREATER
  );
}

/** Whether `pattern` stands in `bytes` at `at`. */
function startsAt(bytes: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at < 0 || at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/** Where `pattern` first stands in `bytes` from `from` on, or -1. */
function indexOfPattern(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(pattern[0], from); i >= 0; i = bytes.indexOf(pattern[0], i + 1))
    if (startsAt(bytes, i, pattern)) return i;
  return -1;
}

/** Takes the sheet's inflated bytes a piece at a time and sends them on as events (see above). */
export class SheetBytesScanner {
  /** before sheetData (bytes held until `<sheetData ...>` is whole); rows; everything to the text scanner */
  private state: "before" | "rows" | "text" = "before";
  /** before: the bytes so far; rows: the start of a row cut by the end of a piece */
  private pending: Uint8Array = EMPTY;
  private readonly strings: SheetDataScanner;
  /** decodes what goes to the text scanner from the switch to "text" on (characters may be cut by pieces) */
  private decoder: TextDecoder | null = null;
  /** decodes complete pieces: an attribute's or a value's text, a whole row */
  private readonly spans = new TextDecoder("utf-8", { ignoreBOM: true });
  private readonly cells = new CellPositions();
  private readonly row = newRowTag();
  private readonly excelCell = newExcelCell();

  constructor(
    parser: { write(text: string): unknown },
    private readonly events: XmlEvents,
  ) {
    this.strings = new SheetDataScanner(parser, events);
  }

  write(piece: Uint8Array): void {
    if (this.state === "text") {
      const text = this.decoder!.decode(piece, { stream: true });
      if (text) this.strings.write(text);
      return;
    }
    let bytes = piece;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pending.length + piece.length);
      bytes.set(this.pending);
      bytes.set(piece, this.pending.length);
      this.pending = EMPTY;
    }
    if (this.state === "before") this.beforeSheetData(bytes);
    else this.rows(bytes, 0);
  }

  /** The rest, at the end of the sheet: to the text scanner, which ends it. */
  end(): void {
    if (this.state !== "text") this.toText(this.pending, 0);
    this.pending = EMPTY;
    const rest = this.decoder!.decode();
    if (rest) this.strings.write(rest);
    this.strings.end();
  }

  /** The XML up to `<sheetData ...>` to the text scanner in one piece, once it is all there. */
  private beforeSheetData(bytes: Uint8Array): void {
    const at = indexOfPattern(bytes, SHEET_DATA, 0);
    const close = at < 0 ? -1 : bytes.indexOf(GREATER, at);
    if (close < 0) {
      if (bytes.length > BEFORE_LIMIT) return this.toText(bytes, 0);
      // A copy: the piece's buffer is the inflater's.
      this.pending = bytes.slice();
      return;
    }
    // From the start of the sheet: a byte order mark is dropped, as in decoding the whole sheet.
    this.strings.write(new TextDecoder().decode(bytes.subarray(0, close + 1)));
    // Markup before sheetData, <sheetData/> or a name that only begins so: the text scanner reads it all.
    if (!this.strings.readsRows) return this.toText(bytes, close + 1);
    this.state = "rows";
    this.rows(bytes, close + 1);
  }

  private rows(bytes: Uint8Array, from: number): void {
    let at = from;
    const length = bytes.length;
    while (true) {
      while (at < length && isSpace(bytes[at])) at++;
      if (at === length) return;
      const after = at + 4 < length ? bytes[at + 4] : -1;
      if (
        rowOpenAt(bytes, at, length) &&
        (after < 0 || isSpace(after) || after === SLASH || after === GREATER)
      ) {
        const contentStart = this.rowOpen(bytes, at);
        const open = contentStart >= 0;
        if (open && this.row.selfClosing) {
          this.sendRowOpen(bytes);
          this.events.close("row");
          at = contentStart;
          continue;
        }
        // Most rows: Excel-shaped cells up to "</row>", read in one pass (the end found as the cells end).
        const shapedEnd = open ? this.shapedRow(bytes, contentStart) : -1;
        if (shapedEnd >= 0) {
          this.send(bytes);
          at = shapedEnd + ROW_CLOSE.length;
          continue;
        }
        const end = indexOfPattern(bytes, ROW_CLOSE, open ? contentStart : at);
        if (end < 0) {
          this.pending = bytes.slice(at);
          return;
        }
        if (open && this.recognise(bytes, contentStart, end)) this.send(bytes);
        else {
          // Any other row, whole, as text: the text scanner reads it (its general cell pattern, or saxes).
          this.strings.write(this.spans.decode(bytes.subarray(at, end + ROW_CLOSE.length)));
          if (!this.strings.readsRows) return this.toText(bytes, end + ROW_CLOSE.length);
        }
        at = end + ROW_CLOSE.length;
        continue;
      }
      // Perhaps "</sheetData>" or "<row" cut by the end of the piece: wait for the next.
      if (length - at < 16) {
        this.pending = bytes.slice(at);
        return;
      }
      // The end of sheetData, or anything else between rows: the text scanner from here on.
      return this.toText(bytes, at);
    }
  }

  /** From `from` on, everything goes to the text scanner as decoded text. */
  private toText(bytes: Uint8Array, from: number): void {
    // A byte order mark counts only at the very start of the sheet.
    const atStart = this.state === "before" && from === 0;
    this.state = "text";
    this.decoder = new TextDecoder("utf-8", { ignoreBOM: !atStart });
    const text = this.decoder.decode(bytes.subarray(from), { stream: true });
    if (text) this.strings.write(text);
  }

  /** The row tag at `at`, as SheetDataScanner.rowOpen reads it: where its content starts, or -1. */
  private rowOpen(bytes: Uint8Array, at: number): number {
    const { row } = this;
    const length = bytes.length;
    let p = at + 4;
    row.attributesStart = p;
    row.number = NaN;
    for (;;) {
      const spaceFrom = p;
      while (p < length && isSpace(bytes[p])) p++;
      if (p >= length) return -1;
      const c = bytes[p];
      // Reads stay inside the bytes: one past the end costs the optimised code a deoptimisation.
      if (c === GREATER || (c === SLASH && p + 1 < length && bytes[p + 1] === GREATER)) {
        row.attributesEnd = p;
        row.selfClosing = c === SLASH;
        return p + (c === SLASH ? 2 : 1);
      }
      if (p === spaceFrom || !isNameStart(c)) return -1;
      const nameFrom = p;
      for (p++; p < length && isNameChar(bytes[p]); p++);
      const isR = p - nameFrom === 1 && c === 114;
      if (p + 1 >= length || bytes[p] !== EQUALS || bytes[p + 1] !== QUOTE) return -1;
      p += 2;
      const valueFrom = p;
      let value = 0;
      let digits = true;
      for (; ; p++) {
        if (p >= length) return -1;
        const v = bytes[p];
        if (v === QUOTE) break;
        if (v === AMPERSAND || v === LESS || v === 9 || v === 10 || v === CARRIAGE_RETURN) return -1;
        if (v >= 48 && v <= 57) value = value * 10 + (v - 48);
        else digits = false;
      }
      if (isR) row.number = digits && p > valueFrom && p - valueFrom <= 15 ? value : NaN;
      p++;
    }
  }

  private sendRowOpen(bytes: Uint8Array): void {
    const { events, row } = this;
    if (events.excelRow && row.number === row.number) events.excelRow(row.number);
    else
      events.open(
        "row",
        attributesOf(this.spans.decode(bytes.subarray(row.attributesStart, row.attributesEnd))),
      );
  }

  /**
   * The row's cells from `start`, when each is in Excel's shape and "</row>" follows them: where "</row>"
   * stands (the cells wait in `cells`), else -1 (then the row is looked at as a whole, as recognise does).
   * The same cells as recognise finds up to the first "</row>": such a cell holds no "<" of its own.
   */
  private shapedRow(bytes: Uint8Array, start: number): number {
    const { cells } = this;
    const length = bytes.length;
    cells.count = 0;
    let at = start;
    while (true) {
      while (at < length && isSpace(bytes[at])) at++;
      if (at + 1 >= length) return -1;
      if (bytes[at + 1] === SLASH) return rowCloseAt(bytes, at, length) ? at : -1;
      at = excelShapedCell(bytes, at, length, cells);
      if (at < 0) return -1;
    }
  }

  /** Whether every cell of the row is in Excel's shape; if so they wait in `cells`. */
  private recognise(bytes: Uint8Array, start: number, end: number): boolean {
    const { cells } = this;
    cells.count = 0;
    let at = start;
    while (true) {
      while (at < end && isSpace(bytes[at])) at++;
      if (at === end) return true;
      at = excelShapedCell(bytes, at, end, cells);
      if (at < 0) return false;
    }
  }

  private send(bytes: Uint8Array): void {
    const { events, cells, excelCell, spans } = this;
    this.sendRowOpen(bytes);
    excelCell.bytes = bytes;
    for (let i = 0; i < cells.count; i++) {
      const valueStart = cells.valueStart[i];
      if (events.excelCell) {
        excelCell.valueStart = valueStart;
        excelCell.valueEnd = cells.valueEnd[i];
        excelCell.col = cells.col[i];
        excelCell.style = cells.style[i];
        excelCell.shared = cells.shared[i];
        if (events.excelCell(excelCell)) continue;
      }
      events.open(
        "c",
        attributesOf(spans.decode(bytes.subarray(cells.attributesStart[i], cells.attributesEnd[i]))),
      );
      if (valueStart >= 0) {
        events.open("v", {});
        if (cells.valueEnd[i] > valueStart)
          events.text(spans.decode(bytes.subarray(valueStart, cells.valueEnd[i])));
        events.close("v");
      }
      events.close("c");
    }
    excelCell.bytes = null;
    events.close("row");
  }
}

/** SheetDataScanner's excelShapedCell on bytes: a cell in Excel's shape at `at`, ending by `end`; or -1. */
function excelShapedCell(bytes: Uint8Array, at: number, end: number, cells: CellPositions): number {
  if (!cellOpenAt(bytes, at, end)) return -1;
  let p = at + 6;
  // No byte is read at or past `end`: a read past a typed array's end deoptimised this function (Chromium
  // compiled it again up to nine times in one read of 150,000 rows).
  let col = 0;
  for (; p < end; p++) {
    const c = bytes[p];
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (col === 0) return -1;
  const digitsFrom = p;
  for (; p < end; p++) {
    const c = bytes[p];
    if (c < 48 || c > 57) break;
  }
  if (p === digitsFrom || p >= end || bytes[p] !== QUOTE) return -1;
  p++;
  let style = 0;
  if (attributeAt(bytes, p, end, LOWER_S)) {
    p += 4;
    const from = p;
    for (; p < end; p++) {
      const c = bytes[p];
      if (c < 48 || c > 57) break;
      style = style * 10 + (c - 48);
    }
    if (p === from || p - from > 9 || p >= end || bytes[p] !== QUOTE) return -1;
    p++;
  }
  let shared = false;
  if (attributeAt(bytes, p, end, LOWER_T)) {
    if (p + 5 >= end) return -1;
    const t = bytes[p + 4];
    if ((t !== 115 && t !== 110) || bytes[p + 5] !== QUOTE) return -1; // "s" or "n"
    shared = t === 115;
    p += 6;
  }
  const attributesEnd = p;
  if (p + 1 < end && bytes[p] === SLASH && bytes[p + 1] === GREATER) {
    cells.add(at + 2, attributesEnd, -1, -1, col, style, shared, true);
    return p + 2;
  }
  if (p >= end || bytes[p] !== GREATER) return -1;
  p++;
  if (cellCloseAt(bytes, p, end)) {
    cells.add(at + 2, attributesEnd, -1, -1, col, style, shared, true);
    return p + 4;
  }
  if (!valueOpenAt(bytes, p, end)) return -1;
  p += 3;
  const valueStart = p;
  // The value runs to the next "<"; an entity (&) or a carriage return (a line break to the parser) needs
  // the text scanner.
  for (; ; p++) {
    if (p >= end) return -1;
    const c = bytes[p];
    if (c === LESS) break;
    if (c === AMPERSAND || c === CARRIAGE_RETURN) return -1;
  }
  const valueEnd = p;
  if (!valueCellCloseAt(bytes, p, end)) return -1;
  cells.add(at + 2, attributesEnd, valueStart, valueEnd, col, style, shared, true);
  return p + 8;
}

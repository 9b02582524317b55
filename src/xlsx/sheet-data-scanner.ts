/**
 * A shortcut in front of the XML parser for a worksheet's rows. Most of a large sheet is rows of plain cells,
 * written by Excel in one shape: `<row r="2" ...><c r="A2" s="1" t="s"><v>21</v></c>...</row>`. Such a row is
 * recognised here by regular expressions and handed on as the parser's own events (open, text, close), in the
 * same order and with the same names, attributes and text saxes would give; the cell's meaning stays
 * ExcelJS's (its cell parser receives these events). Everything else goes to saxes itself, whole: the XML
 * before and after sheetData, and any row with anything else in it (a formula, an inline string, an entity,
 * single quotes, a comment). A row is either recognised completely or passed on completely, so saxes never
 * sees half a row; after anything unexpected between rows the rest of the sheet goes to saxes.
 * Measured on the 150,000-row department (`npm run bench:readers`): the read takes about half the time.
 */

export interface XmlEvents {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
  /**
   * A recognised cell as it stands (its attributes' text, its <v> text or undefined), for a reader that can
   * take some cells without the parser's events: true when taken, false to get the events instead.
   */
  plainCell?(attributes: string, value: string | undefined): boolean;
}

/** A tag's attributes in the one form recognised: name="value", the value without & < or line breaks. */
const ATTRIBUTES = String.raw`((?:\s+[A-Za-z_][\w:.-]*="[^"&<\t\n\r]*")*)\s*`;
const ROW_OPEN = new RegExp(String.raw`<row${ATTRIBUTES}(/?)>`, "y");
/** A cell: empty (`<c .../>`, `<c ...></c>`) or with a value (`<c ...><v>text</v></c>`). */
const CELL = new RegExp(String.raw`<c${ATTRIBUTES}(?:/>|>(?:<v>([^<&\r]*)</v>)?</c>)`, "y");
const ATTRIBUTE = /([A-Za-z_][\w:.-]*)="([^"]*)"/g;
/** A cell's attributes as Excel writes them, read without the general loop. */
const CELL_ATTRIBUTES = /^ r="([^"]*)"(?: s="([^"]*)")?(?: t="([^"]*)")?$/;
const SHEET_DATA_OPEN = /<sheetData(?:\s[^>]*)?>/y;

/** A cell's r, s and t when written as Excel writes them (that order, r always), or null. */
export function excelCellAttributes(
  text: string,
): [r: string, s: string | undefined, t: string | undefined] | null {
  const cell = CELL_ATTRIBUTES.exec(text);
  return cell ? [cell[1], cell[2], cell[3]] : null;
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (!text) return attributes;
  const cell = excelCellAttributes(text);
  if (cell) {
    attributes.r = cell[0];
    if (cell[1] !== undefined) attributes.s = cell[1];
    if (cell[2] !== undefined) attributes.t = cell[2];
    return attributes;
  }
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) attributes[m[1]] = m[2];
  return attributes;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Takes the sheet's text a piece at a time, as saxes' write does, and sends it on (see above). */
export class SheetDataScanner {
  /** before sheetData; inside it (rows recognised here); everything else to saxes */
  private mode: "before" | "rows" | "parser" = "before";
  /** the start of a piece not yet complete (a tag or a row cut by the end of a piece) */
  private carry = "";
  /** one row's cells, recognised before any is sent on */
  private readonly cellAttributes: string[] = [];
  private readonly cellValues: (string | undefined)[] = [];

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

  /** The rest, at the end of the sheet: whatever is left goes to saxes, which decides whether it is whole. */
  end(): void {
    const rest = this.carry;
    this.carry = "";
    this.mode = "parser";
    if (rest) this.parser.write(rest);
  }

  /** Sends everything up to and including `<sheetData>` to saxes; returns what follows it, null before it. */
  private beforeSheetData(text: string): string | null {
    const at = text.indexOf("<sheetData");
    if (at < 0) {
      // "<sheetData" may be cut at the end of this piece: keep its possible start.
      const keep = Math.min(text.length, "<sheetData".length - 1);
      this.parser.write(text.slice(0, text.length - keep));
      this.carry = text.slice(text.length - keep);
      return null;
    }
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
        ROW_OPEN.lastIndex = at;
        const open = ROW_OPEN.exec(text);
        const contentStart = open ? ROW_OPEN.lastIndex : at;
        if (open && open[2] === "/") {
          this.events.open("row", attributesOf(open[1]));
          this.events.close("row");
          at = contentStart;
          continue;
        }
        // Up to the next "</row>": this row, or (after a row tag in another form, perhaps <row .../>) whole
        // rows, since "<" cannot stand in an attribute's value nor unescaped in text.
        const end = text.indexOf("</row>", contentStart);
        if (end < 0) return this.keep(text, at);
        if (!open || !this.recognise(text, contentStart, end)) {
          // A comment or CDATA may hide the "</row>" found: the rest of the sheet to saxes, from this row on.
          if (text.lastIndexOf("<!", end) >= at) return this.toParser(text, at);
          this.parser.write(text.slice(at, end + 6));
        } else this.send(open[1]);
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

  /** Whether the row's content is plain cells only; if so they wait in cellAttributes and cellValues. */
  private recognise(text: string, start: number, end: number): boolean {
    this.cellAttributes.length = 0;
    this.cellValues.length = 0;
    let at = start;
    while (true) {
      while (at < end && isSpace(text.charCodeAt(at))) at++;
      if (at === end) return true;
      CELL.lastIndex = at;
      const cell = CELL.exec(text);
      if (!cell || CELL.lastIndex > end) return false;
      this.cellAttributes.push(cell[1]);
      this.cellValues.push(cell[2]);
      at = CELL.lastIndex;
    }
  }

  /** The recognised row as saxes' events. */
  private send(rowAttributes: string): void {
    const { events } = this;
    events.open("row", attributesOf(rowAttributes));
    for (let i = 0; i < this.cellAttributes.length; i++) {
      const value = this.cellValues[i];
      if (events.plainCell?.(this.cellAttributes[i], value)) continue;
      events.open("c", attributesOf(this.cellAttributes[i]));
      if (value !== undefined) {
        events.open("v", {});
        if (value !== "") events.text(value);
        events.close("v");
      }
      events.close("c");
    }
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

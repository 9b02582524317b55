/**
 * The shortcut in front of saxes (src/xlsx/sheet-data-scanner.ts, and on bytes src/xlsx/sheet-bytes-scanner.ts)
 * gives the events saxes alone gives, for plain rows and for every row it must pass on (formulas, inline
 * strings, entities, single quotes, comments, CDATA, odd whitespace), with the text (or its UTF-8 bytes) cut
 * into pieces at every possible place.
 */
import { SaxesParser } from "saxes";
import { SheetDataScanner, type ExcelCell, type XmlEvents } from "../../src/xlsx/sheet-data-scanner";
import { SheetBytesScanner } from "../../src/xlsx/sheet-bytes-scanner";

type Event = string;

/** Events as the stream reader's handlers see them: whitespace-only text dropped, adjacent text joined. */
function normalise(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    if (e.startsWith("text:")) {
      if (e.slice(5).trim() === "") continue;
      const last = out[out.length - 1];
      if (last?.startsWith("text:")) {
        out[out.length - 1] = last + e.slice(5);
        continue;
      }
    }
    out.push(e);
  }
  return out;
}

function recorder(events: Event[]) {
  return {
    open: (name: string, attributes: Record<string, string>) =>
      events.push(`open:${name}:${JSON.stringify(Object.entries(attributes).sort())}`),
    text: (text: string) => events.push(`text:${text}`),
    close: (name: string) => events.push(`close:${name}`),
  };
}

function parserFor(events: Event[], errors: string[]): SaxesParser {
  const r = recorder(events);
  const parser = new SaxesParser();
  parser.on("opentag", (node) => r.open(node.name, node.attributes as Record<string, string>));
  parser.on("text", r.text);
  parser.on("closetag", (node) => r.close(node.name));
  parser.on("error", (e) => errors.push(e.message));
  return parser;
}

function bySaxes(xml: string): { events: Event[]; errors: string[] } {
  const events: Event[] = [];
  const errors: string[] = [];
  const parser = parserFor(events, errors);
  parser.write(xml);
  parser.close();
  return { events: normalise(events), errors };
}

/** Either scanner, fed pieces of the sheet: text pieces, or the UTF-8 bytes cut at the same places in them. */
type Kind = "text" | "bytes";
interface Scanner {
  write(piece: string): void;
  end(): void;
}
function scannerOf(kind: Kind, parser: SaxesParser, events: XmlEvents): Scanner {
  if (kind === "text") return new SheetDataScanner(parser, events);
  const scanner = new SheetBytesScanner(parser, events);
  const encoder = new TextEncoder();
  return { write: (piece) => scanner.write(encoder.encode(piece)), end: () => scanner.end() };
}

/** A sheet's pieces as the scanner of `kind` takes them, cut at `cuts` (characters, or bytes of its UTF-8). */
function cutInto(kind: Kind, xml: string, cuts: number[]): (string | Uint8Array)[] {
  const whole = kind === "text" ? xml : new TextEncoder().encode(xml);
  const pieces: (string | Uint8Array)[] = [];
  let from = 0;
  for (const cut of [...cuts, whole.length]) {
    pieces.push(whole.slice(from, cut));
    from = cut;
  }
  return pieces;
}

/** The length of a sheet in the unit `kind` cuts it in. */
function lengthIn(kind: Kind, xml: string): number {
  return kind === "text" ? xml.length : new TextEncoder().encode(xml).length;
}

/** The value's text of an Excel-shaped cell, from either scanner. */
function valueText(cell: ExcelCell): string {
  return cell.bytes
    ? new TextDecoder().decode(cell.bytes.subarray(cell.valueStart, cell.valueEnd))
    : cell.text.slice(cell.valueStart, cell.valueEnd);
}

function byScanner(
  kind: Kind,
  pieces: (string | Uint8Array)[],
): { events: Event[]; errors: string[]; recognised: number } {
  const events: Event[] = [];
  const errors: string[] = [];
  const parser = parserFor(events, errors);
  let recognised = 0;
  const r = recorder(events);
  const handlers: XmlEvents = {
    ...r,
    open: (name, attributes) => {
      if (name === "row") recognised++;
      r.open(name, attributes);
    },
  };
  if (kind === "text") {
    const scanner = new SheetDataScanner(parser, handlers);
    for (const p of pieces) scanner.write(p as string);
    scanner.end();
  } else {
    const scanner = new SheetBytesScanner(parser, handlers);
    for (const p of pieces) scanner.write(p as Uint8Array);
    scanner.end();
  }
  parser.close();
  return { events: normalise(events), errors, recognised };
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:D9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>';
const TAIL =
  '<mergeCells count="1"><mergeCell ref="A8:B8"/></mergeCells><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';

const ROWS = [
  '<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="3"/><c r="D1" s="2" t="s"><v>2</v></c></row>',
  '<row r="2"><c r="A2" s="1"><v>12.5</v></c><c r="B2"></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>',
  '<row r="3"/>',
  // a formula: the whole row to saxes
  '<row r="4"><c r="A4"><v>1</v></c><c r="B4"><f>A4*2</f><v>2</v></c></row>',
  // an inline string and an entity
  '<row r="5"><c r="A5" t="inlineStr"><is><t>Eenheid &amp; co</t></is></c><c r="B5" t="str"><v>a &lt; b</v></c></row>',
  // single quotes, and attributes in another order
  "<row r='6'><c t=\"s\" r=\"A6\"><v>3</v></c><c r='B6'><v>4</v></c></row>",
  // pretty-printed
  '<row r="7">\n  <c r="A7"><v>7</v></c>\n  <c r="B7" s="4"><v>-1E-3</v></c>\n</row>',
  '<row r="8"><c r="A8" s="5"><v>8</v></c><c r="B8" s="5"/></row>',
  // empty value, and a row with no cells
  '<row r="9"><c r="A9"><v></v></c></row><row r="10"></row>',
];

function sheet(rows: string[], between = ""): string {
  return `${HEAD}<sheetData>${rows.join(between)}</sheetData>${TAIL}`;
}

const CASES: [string, string][] = [
  ["plain and passed-on rows", sheet(ROWS)],
  ["whitespace between rows", sheet(ROWS, "\n ")],
  ["a comment between rows", sheet([...ROWS.slice(0, 3), "<!-- </row> -->", ...ROWS.slice(3)])],
  [
    "CDATA holding </row> in a cell",
    sheet([
      ROWS[0],
      '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[x</row>y]]></t></is></c></row>',
      ROWS[1].replace(/r="2"/, 'r="3"').replace(/([A-D])2/g, "$13"),
    ]),
  ],
  [
    "a self-closing row in single quotes, then plain rows",
    sheet([ROWS[0], "<row r='2' />", ...ROWS.slice(2)]),
  ],
  ["an empty sheetData", `${HEAD}<sheetData/>${TAIL}`],
  ["sheetData with attributes", sheet(ROWS).replace("<sheetData>", '<sheetData foo="1">')],
  [
    "row tags with tabs, line breaks and spaces between attributes, a row without r, a value with > in it",
    sheet([
      '<row\tr="1"\n spans="1:4"  x14ac:dyDescent="0.25" ><c r="A1"><v>1</v></c></row>',
      '<row spans="1:2"><c r="A2"><v>2</v></c></row>',
      '<row r="3" ht="a>b"/>',
      '<row r="x4"><c r="A4"><v>4</v></c></row>',
    ]),
  ],
  [
    "a comment and a processing instruction holding <sheetData> and rows before the real sheetData",
    sheet(ROWS.slice(0, 2)).replace(
      "<dimension",
      '<!-- <sheetData><row r="3"><c r="A3"><v>9</v></c></row> --><?foo <sheetData><row r="1"/>?><dimension',
    ),
  ],
  ["a prefixed row (passed on, rest to saxes)", sheet([ROWS[0], '<x:row r="2" xmlns:x="urn:x"/>', ROWS[1]])],
  [
    "characters beyond ASCII in values, attributes and inline strings (several bytes each in UTF-8)",
    sheet([
      ROWS[0],
      '<row r="2" x14ac:label="één € 😀"><c r="A2"><v>1,5 €</v></c><c r="B2" s="1"><v>ß</v></c></row>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Financiën &amp; één</t></is></c></row>',
      ROWS[7],
    ]),
  ],
  ["a byte order mark before the XML declaration", "\uFEFF" + sheet(ROWS)],
  [
    "an entity or a carriage return in a cell that is otherwise in Excel's shape",
    sheet([
      ROWS[0],
      '<row r="2"><c r="A2"><v>1&amp;2</v></c><c r="B2"><v>3</v></c></row>',
      '<row r="3"><c r="A3" s="1"><v>a\r\nb</v></c></row>',
      ROWS[7],
    ]),
  ],
];

describe.each(["text", "bytes"] as const)("the scanner on %s", (kind) => {
  test.each(CASES)("%s: the same events as saxes alone, cut into pieces anywhere", (_name, xml) => {
    const reference = bySaxes(xml);
    expect(reference.errors).toEqual([]);
    const whole = byScanner(kind, cutInto(kind, xml, []));
    expect(whole.errors).toEqual([]);
    expect(whole.events).toEqual(reference.events);
    const length = lengthIn(kind, xml);
    for (let cut = 1; cut < length; cut++) {
      const split = byScanner(kind, cutInto(kind, xml, [cut]));
      if (split.errors.length || JSON.stringify(split.events) !== JSON.stringify(reference.events))
        throw new Error(`cut at ${cut} (${JSON.stringify(xml.slice(cut - 10, cut + 10))}) differs`);
    }
    // In small pieces too (as the inflater hands them over).
    const cuts: number[] = [];
    for (let i = 7; i < length; i += 7) cuts.push(i);
    expect(byScanner(kind, cutInto(kind, xml, cuts)).events).toEqual(reference.events);
  });

  test("markup before sheetData sends the whole sheet to saxes; the XML declaration does not", () => {
    const commented = sheet(ROWS).replace("<dimension", "<!-- x --><dimension");
    expect(byScanner(kind, cutInto(kind, commented, [])).recognised).toBe(0);
    expect(byScanner(kind, cutInto(kind, sheet(ROWS), [])).recognised).toBe(7);
    // "<!" cut between two pieces is seen as well.
    const cut = commented.indexOf("<!--") + 1;
    expect(byScanner(kind, cutInto(kind, commented, [cut])).recognised).toBe(0);
    // The declaration cut into tiny pieces is still the declaration.
    const plain = sheet(ROWS);
    const tiny: number[] = [];
    for (let i = 7; i < plain.length; i += 7) tiny.push(i);
    expect(byScanner(kind, cutInto(kind, plain, tiny)).recognised).toBe(7);
  });

  test("plain rows are recognised, the others are passed on", () => {
    const { recognised } = byScanner(kind, cutInto(kind, sheet(ROWS), []));
    // rows 1, 2, 3, 7, 8, 9 and 10 are plain; 4 (formula), 5 (inline string, entity), 6 (quotes) go to saxes
    expect(recognised).toBe(7);
  });

  test("a sheet cut short is an error, as for saxes", () => {
    const xml = sheet(ROWS);
    const cut = xml.slice(0, xml.indexOf('<row r="7"') + 20);
    expect(bySaxes(cut).errors.length).toBeGreaterThan(0);
    expect(byScanner(kind, cutInto(kind, cut, [])).errors.length).toBeGreaterThan(0);
  });

  test("a reader that takes Excel-shaped cells gets them as positions, and the events for the cells it leaves", () => {
    const events: Event[] = [];
    const errors: string[] = [];
    const taken: string[] = [];
    const parser = parserFor(events, errors);
    const scanner = scannerOf(kind, parser, {
      ...recorder(events),
      // Takes numbers, leaves shared strings and empty cells.
      excelCell: (cell) => {
        if (cell.valueEnd <= cell.valueStart || cell.shared) return false;
        taken.push(`${cell.col}/${cell.style}=${valueText(cell)}`);
        return true;
      },
    });
    scanner.write(
      '<worksheet><sheetData><row r="2"><c r="A2" s="1"><v>1.5</v></c><c r="B2" t="s"><v>7</v></c><c r="C2" s="3"/>' +
        '<c r="AB2" t="n"><v>-2E-3</v></c><c r="AC2"><v></v></c></row>' +
        // not Excel's shape: other order, t="b", lower case, an extra attribute; all still plain rows
        '<row r="3"><c s="1" r="A3"><v>1</v></c><c r="B3" t="b"><v>1</v></c><c r="c3"><v>2</v></c>' +
        '<c r="D3" s="1" t="n" cm="1"><v>3</v></c></row></sheetData></worksheet>',
    );
    scanner.end();
    parser.close();
    expect(errors).toEqual([]);
    expect(taken).toEqual(["1/1=1.5", "28/0=-2E-3"]);
    expect(normalise(events).filter((e) => /:(c|v):|^text:/.test(e))).toEqual([
      'open:c:[["r","B2"],["t","s"]]',
      "open:v:[]",
      "text:7",
      'open:c:[["r","C2"],["s","3"]]',
      'open:c:[["r","AC2"]]',
      "open:v:[]",
      'open:c:[["r","A3"],["s","1"]]',
      "open:v:[]",
      "text:1",
      'open:c:[["r","B3"],["t","b"]]',
      "open:v:[]",
      "text:1",
      'open:c:[["r","c3"]]',
      "open:v:[]",
      "text:2",
      'open:c:[["cm","1"],["r","D3"],["s","1"],["t","n"]]',
      "open:v:[]",
      "text:3",
    ]);
  });

  test("a reader that takes row numbers gets them for rows whose r is digits, open(row) for the others", () => {
    const events: Event[] = [];
    const errors: string[] = [];
    const parser = parserFor(events, errors);
    const scanner = scannerOf(kind, parser, {
      ...recorder(events),
      excelRow: (row) => events.push(`row:${row}`),
    });
    scanner.write(
      '<worksheet><sheetData><row r="2" spans="1:3"><c r="A2"><v>1</v></c></row><row r="3"/>' +
        '<row r="x4"><c r="A4"><v>4</v></c></row><row><c r="A5"><v>5</v></c></row>' +
        "<row r='6'><c r=\"A6\"><v>6</v></c></row></sheetData></worksheet>",
    );
    scanner.end();
    parser.close();
    expect(errors).toEqual([]);
    expect(normalise(events).filter((e) => /^row:|:row:/.test(e))).toEqual([
      "row:2",
      "row:3",
      'open:row:[["r","x4"]]',
      "open:row:[]",
      // single quotes: the whole row to saxes
      'open:row:[["r","6"]]',
    ]);
  });
});

/**
 * New sheets added to a user's .xlsx without rewriting the rest of it: every part of the user's file is copied
 * as it is (still compressed, byte for byte), and only the workbook's sheet list, its relationships, the
 * content types, the styles and the shared strings gain entries. The new sheets are rendered as parts of a
 * workbook of their own (report-xml.ts), and their style and string numbers moved past the user's.
 *
 * Why: the preview's download after a report was ExcelJS loading and rewriting the whole workbook (about 10 s
 * for 150,000 rows in a browser), and a round trip through ExcelJS drops what ExcelJS does not know (charts,
 * pivot tables, slicers). Here nothing of the user's is re-encoded. Any structure this writer does not follow
 * (a prefixed namespace, parts in other places, sheets that need relationships of their own) gives null, and
 * the caller writes the workbook with ExcelJS as before.
 */
import { strFromU8, strToU8, Zip, ZipDeflate, type ZipInputFile } from "fflate";
import type { ReportSheet } from "../model/report";
import { inflated, raw, zipEntries, type ZipEntry } from "./zip-entries";
import { DEFLATE_LEVEL } from "./write-xlsx";
import { renderReportParts } from "./report-xml";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${RELATIONSHIPS_NS}/worksheet`;
const SHARED_STRINGS_TYPE = `${RELATIONSHIPS_NS}/sharedStrings`;
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const SHARED_STRINGS_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

/** A section of a part: `<tag ...>inner</tag>` or `<tag .../>`. */
interface Section {
  start: number;
  end: number;
  open: string;
  inner: string;
}

function section(xml: string, tag: string): Section | null {
  const m = new RegExp(`<${tag}(\\s[^>]*?)?(/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);
  if (!m) return null;
  return {
    start: m.index,
    end: m.index + m[0].length,
    open: `<${tag}${m[1] ?? ""}>`,
    inner: m[3] ?? "",
  };
}

/** The elements `tag` directly in a section's inner text (they do not nest in the parts read here). */
function items(inner: string, tag: string): string[] {
  return inner.match(new RegExp(`<${tag}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${tag}>)`, "g")) ?? [];
}

function withCount(open: string, count: number, attribute = "count"): string {
  const re = new RegExp(`\\s${attribute}="\\d*"`);
  const set = ` ${attribute}="${count}"`;
  return re.test(open) ? open.replace(re, set) : open.replace(/>$/, `${set}>`);
}

function replaceSection(xml: string, s: Section, replacement: string): string {
  return xml.slice(0, s.start) + replacement + xml.slice(s.end);
}

/** Adds `added` elements to the section `tag` of `xml` (count updated); null when the section is missing. */
function append(
  xml: string,
  tag: string,
  item: string,
  added: string[],
): { xml: string; before: number } | null {
  const s = section(xml, tag);
  if (!s) return null;
  const before = items(s.inner, item).length;
  if (added.length === 0) return { xml, before };
  const open = withCount(s.open, before + added.length);
  return { xml: replaceSection(xml, s, `${open}${s.inner}${added.join("")}</${tag}>`), before };
}

function shift(text: string, pattern: RegExp, by: (n: number) => number): string {
  return text.replace(
    pattern,
    (_all, head: string, n: string, tail: string) => `${head}${by(Number(n))}${tail}`,
  );
}

/**
 * The user's styles with the new sheets' styles after them. Returns where the new cell formats (xf) and the
 * conditional formats (dxf) start, to shift the new sheets' numbers by.
 */
function mergeStyles(
  user: string,
  added: string,
): { xml: string; xfOffset: number; dxfOffset: number } | null {
  if (!/<styleSheet[\s>]/.test(user) || !/<styleSheet[\s>]/.test(added)) return null;
  // Number formats: the new custom ones (164 and up) renumbered after every id the user's styles use (those of
  // conditional formats, inside dxf, included), in cell formats and conditional formats alike.
  const userFormats = section(user, "numFmts");
  let nextFormat = 163;
  for (const m of user.matchAll(/numFmtId="(\d+)"/g)) nextFormat = Math.max(nextFormat, Number(m[1]));
  const formatIds = new Map<number, number>();
  const formatId = (n: number): number => {
    if (n < 164) return n; // Excel's built-in formats
    if (!formatIds.has(n)) formatIds.set(n, ++nextFormat);
    return formatIds.get(n)!;
  };
  const newFormats = items(section(added, "numFmts")?.inner ?? "", "numFmt").map((f) =>
    shift(f, /(numFmtId=")(\d+)(")/, formatId),
  );
  let xml = user;
  if (newFormats.length) {
    if (userFormats) xml = append(xml, "numFmts", "numFmt", newFormats)!.xml;
    else {
      const open = /<styleSheet[^>]*>/.exec(xml)!;
      const at = open.index + open[0].length;
      xml = `${xml.slice(0, at)}<numFmts count="${newFormats.length}">${newFormats.join("")}</numFmts>${xml.slice(at)}`;
    }
  }
  // Fonts, fills and borders: the added ones after the user's, except the leading defaults every styles part
  // has (font 0, fills 0 and 1, border 0), which become the user's own: a report cell without a style of its own
  // and one with only a number format then show in the same font, the workbook's.
  const offsets: Record<string, number> = {};
  const defaults = { font: 1, fill: 2, border: 1 };
  // A report font states only what it changes (bold, a colour, a size); what it leaves out comes from the
  // user's default font, not Excel's, so a bold title shows in the workbook's font like the cells around it.
  const userFont = items(section(user, "fonts")?.inner ?? "", "font")[0] ?? "";
  const completed = (font: string): string => {
    let out = font.replace(/^<font\s*\/>$/, "<font></font>");
    for (const part of ["sz", "name", "family", "charset", "scheme"]) {
      const own = new RegExp(`<${part}[\\s/>]`).test(out);
      const theirs = new RegExp(`<${part}\\s[^>]*/>`).exec(userFont)?.[0];
      if (!own && theirs) out = out.replace(/<\/font>$/, `${theirs}</font>`);
    }
    return out;
  };
  for (const [tag, item] of [
    ["fonts", "font"],
    ["fills", "fill"],
    ["borders", "border"],
  ] as const) {
    let entries = items(section(added, tag)?.inner ?? "", item).slice(defaults[item]);
    if (item === "font") entries = entries.map(completed);
    const done = append(xml, tag, item, entries);
    if (!done || done.before < defaults[item]) return null;
    xml = done.xml;
    offsets[item] = done.before - defaults[item];
  }
  const moved = (item: "font" | "fill" | "border") => (n: number) =>
    n < defaults[item] ? n : n + offsets[item];
  const xfs = items(section(added, "cellXfs")?.inner ?? "", "xf").map((xf) => {
    let out = shift(xf, /(\snumFmtId=")(\d+)(")/, formatId);
    out = shift(out, /(\sfontId=")(\d+)(")/, moved("font"));
    out = shift(out, /(\sfillId=")(\d+)(")/, moved("fill"));
    // xfId: the cell style (Normal, 0), the user's own first one.
    return shift(out, /(\sborderId=")(\d+)(")/, moved("border"));
  });
  const cellXfs = append(xml, "cellXfs", "xf", xfs);
  if (!cellXfs) return null;
  xml = cellXfs.xml;
  const dxfs = items(section(added, "dxfs")?.inner ?? "", "dxf").map((dxf) =>
    shift(dxf, /(numFmtId=")(\d+)(")/g, formatId),
  );
  let dxfOffset = 0;
  if (section(xml, "dxfs")) {
    const done = append(xml, "dxfs", "dxf", dxfs)!;
    xml = done.xml;
    dxfOffset = done.before;
  } else if (dxfs.length) {
    // After cellStyles (or cellXfs), where the schema puts dxfs.
    const after = section(xml, "cellStyles") ?? section(xml, "cellXfs")!;
    xml = `${xml.slice(0, after.end)}<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs>${xml.slice(after.end)}`;
  }
  return { xml, xfOffset: cellXfs.before, dxfOffset };
}

/** The relationship targets of a .rels part by type, as paths from the package root. */
function relationships(rels: string, base: string): { id: string; type: string; path: string }[] {
  return items(rels, "Relationship").map((r) => {
    const target = /\sTarget="([^"]*)"/.exec(r)?.[1] ?? "";
    return {
      id: /\sId="([^"]*)"/.exec(r)?.[1] ?? "",
      type: /\sType="([^"]*)"/.exec(r)?.[1] ?? "",
      path: target.startsWith("/") ? target.slice(1) : base + target,
    };
  });
}

/**
 * The user's .xlsx with the report's sheets added, laid out as writeReportSheets lays them out in a loaded
 * workbook (report-xml.ts; test/xlsx/report-xml.test.ts compares the two); null where addSheetsToXlsx does not
 * follow the file.
 */
export async function addReportSheets(
  original: Uint8Array,
  sheets: ReportSheet[],
): Promise<Uint8Array | null> {
  return addSheetsToXlsx(original, renderReportParts(sheets));
}

/** The parts of a workbook holding only the sheets to add (report-xml.ts renderReportParts), unzipped, by name. */
export type RenderedParts = Record<string, Uint8Array>;

/**
 * The user's .xlsx with the rendered workbook's sheets added after its own, or null when the structure is
 * not one followed here (see above). `original` is not changed.
 */
export function addSheetsToXlsx(original: Uint8Array, added: RenderedParts): Uint8Array | null {
  try {
    return patched(original, added);
  } catch {
    // Whatever this writer cannot follow (a damaged part, an unexpected layout) is left to ExcelJS.
    return null;
  }
}

function patched(original: Uint8Array, added: RenderedParts): Uint8Array | null {
  const entries = zipEntries(original);
  const text = (name: string): string | null => {
    const e = entries.get(name);
    if (!e) return null;
    return strFromU8(inflated(original, e));
  };
  const addedText = (name: string): string | null => (added[name] ? strFromU8(added[name]) : null);

  // The user's workbook part and its companions, found through the package's relationships.
  const root = relationships(text("_rels/.rels") ?? "", "");
  const bookPath = root.find((r) => r.type.endsWith("/officeDocument"))?.path;
  if (bookPath !== "xl/workbook.xml") return null;
  const book = text(bookPath);
  const bookRels = text("xl/_rels/workbook.xml.rels");
  const types = text("[Content_Types].xml");
  if (!book || !bookRels || !types) return null;
  const links = relationships(bookRels, "xl/");
  const stylesPath = links.find((r) => r.type.endsWith("/styles"))?.path;
  const stringsPath = links.find((r) => r.type === SHARED_STRINGS_TYPE)?.path ?? null;
  const styles = stylesPath ? text(stylesPath) : null;
  if (!stylesPath || !styles) return null;
  const prefix = new RegExp(`xmlns:(\\w+)="${RELATIONSHIPS_NS}"`).exec(book)?.[1];
  if (!prefix || !/<\/sheets>/.test(book) || !/<\/Relationships>/.test(bookRels) || !/<\/Types>/.test(types))
    return null;

  // The sheets to add, in their workbook's order; none may need parts of its own (relationships).
  const addedBook = addedText("xl/workbook.xml");
  const addedRels = addedText("xl/_rels/workbook.xml.rels");
  const addedStyles = addedText("xl/styles.xml");
  if (!addedBook || !addedRels || !addedStyles || /<definedNames/.test(addedBook)) return null;
  if (Object.keys(added).some((name) => name.startsWith("xl/worksheets/_rels/"))) return null;
  const addedLinks = relationships(addedRels, "xl/");
  const sheets = items(section(addedBook, "sheets")?.inner ?? "", "sheet").map((s) => {
    const id = /\sr:id="([^"]*)"/.exec(s)?.[1];
    return { name: /\sname="([^"]*)"/.exec(s)![1], part: addedLinks.find((l) => l.id === id)?.path };
  });
  if (sheets.length === 0 || sheets.some((s) => !s.part || !added[s.part])) return null;
  // Sheet names are unique in a workbook, whatever their case (the caller names the new ones so; a clash here
  // would have Excel repair the file).
  const plain = (name: string) =>
    name
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&")
      .toLowerCase();
  const taken = new Set([...book.matchAll(/<sheet\s[^>]*?name="([^"]*)"/g)].map((m) => plain(m[1])));
  if (sheets.some((s) => taken.has(plain(s.name)))) return null;

  const styled = mergeStyles(styles, addedStyles);
  if (!styled) return null;

  // Shared strings: the new ones after the user's.
  const changed = new Map<string, string>([[stylesPath, styled.xml]]);
  let stringOffset = 0;
  const addedStrings = addedText("xl/sharedStrings.xml");
  const newStrings = addedStrings ? items(section(addedStrings, "sst")?.inner ?? "", "si") : [];
  let newStringsPart: string | null = null;
  if (newStrings.length) {
    const userStrings = stringsPath ? text(stringsPath) : null;
    if (stringsPath && userStrings !== null) {
      const sst = section(userStrings, "sst");
      if (!sst) return null;
      stringOffset = items(sst.inner, "si").length;
      let open = withCount(sst.open, stringOffset + newStrings.length, "uniqueCount");
      const count = /\scount="(\d+)"/.exec(sst.open);
      const addedCount = Number(/\scount="(\d+)"/.exec(addedStrings!)?.[1] ?? newStrings.length);
      if (count) open = withCount(open, Number(count[1]) + addedCount);
      changed.set(
        stringsPath,
        replaceSection(userStrings, sst, `${open}${sst.inner}${newStrings.join("")}</sst>`),
      );
    } else if (
      !stringsPath &&
      !/PartName="\/xl\/sharedStrings\.xml"/i.test(types) &&
      !entries.has("xl/sharedStrings.xml")
    ) {
      newStringsPart = "xl/sharedStrings.xml";
    } else return null;
  }

  // New part names, relationship ids and sheet ids, none the user's.
  const usedIds = new Set(links.map((l) => l.id));
  let nextRel = 1;
  const newRelId = () => {
    while (usedIds.has(`rId${nextRel}`)) nextRel++;
    usedIds.add(`rId${nextRel}`);
    return `rId${nextRel}`;
  };
  let nextSheetId = 0;
  for (const m of book.matchAll(/<sheet\s[^>]*?sheetId="(\d+)"/g))
    nextSheetId = Math.max(nextSheetId, Number(m[1]));
  // Part names are compared without case (Open Packaging Conventions), against the zip's entries and the
  // content types' overrides alike.
  const partNames = new Set([...entries.keys()].map((n) => n.toLowerCase()));
  for (const m of types.matchAll(/PartName="\/?([^"]*)"/g)) partNames.add(m[1].toLowerCase());
  let nextPart = 1;
  const newPart = () => {
    while (partNames.has(`xl/worksheets/sheet${nextPart}.xml`)) nextPart++;
    return `xl/worksheets/sheet${nextPart++}.xml`;
  };

  const parts = new Map<string, string>();
  const sheetEntries: string[] = [];
  const relEntries: string[] = [];
  const typeEntries: string[] = [];
  for (const s of sheets) {
    const part = newPart();
    const rel = newRelId();
    let xml = strFromU8(added[s.part!]);
    xml = shift(xml, /(<(?:c|row)\s[^>]*?\ss=")(\d+)(")/g, (n) => n + styled.xfOffset);
    xml = shift(xml, /(<col\s[^>]*?\sstyle=")(\d+)(")/g, (n) => n + styled.xfOffset);
    xml = shift(xml, /(\sdxfId=")(\d+)(")/g, (n) => n + styled.dxfOffset);
    if (stringOffset)
      xml = shift(xml, /(<c\s[^>]*?\st="s"[^>]*>\s*<v>)(\d+)(<\/v>)/g, (n) => n + stringOffset);
    // The user's selected sheet stays the only one selected (two would group the sheets in Excel).
    xml = xml.replace(/\stabSelected="1"/g, "");
    parts.set(part, xml);
    sheetEntries.push(`<sheet name="${s.name}" sheetId="${++nextSheetId}" ${prefix}:id="${rel}"/>`);
    relEntries.push(`<Relationship Id="${rel}" Type="${WORKSHEET_TYPE}" Target="${part.slice(3)}"/>`);
    typeEntries.push(`<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/>`);
  }
  if (newStringsPart) {
    parts.set(newStringsPart, addedStrings!);
    relEntries.push(
      `<Relationship Id="${newRelId()}" Type="${SHARED_STRINGS_TYPE}" Target="${newStringsPart.slice(3)}"/>`,
    );
    typeEntries.push(`<Override PartName="/${newStringsPart}" ContentType="${SHARED_STRINGS_CONTENT}"/>`);
  }
  changed.set(bookPath, book.replace("</sheets>", `${sheetEntries.join("")}</sheets>`));
  changed.set(
    "xl/_rels/workbook.xml.rels",
    bookRels.replace("</Relationships>", `${relEntries.join("")}</Relationships>`),
  );
  changed.set("[Content_Types].xml", types.replace("</Types>", `${typeEntries.join("")}</Types>`));

  return zipParts(original, entries, changed, parts);
}

/** The user's entries in their order (changed ones re-deflated, the rest copied as stored), then the new ones. */
function zipParts(
  original: Uint8Array,
  entries: Map<string, ZipEntry>,
  changed: Map<string, string>,
  added: Map<string, string>,
): Uint8Array {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const deflated = (name: string, xml: string) => {
    const file = new ZipDeflate(name, { level: DEFLATE_LEVEL as 3 });
    zip.add(file);
    file.push(strToU8(xml), true);
  };
  for (const [name, e] of entries) {
    const xml = changed.get(name);
    if (xml !== undefined) {
      deflated(name, xml);
      continue;
    }
    // Copied as stored: fflate's Zip takes any input file that states its checksum, sizes and method.
    const copy: ZipInputFile = {
      filename: name,
      size: e.uncompressedSize,
      crc: e.crc,
      compression: e.method,
    };
    zip.add(copy);
    copy.ondata!(null, raw(original, e) as Uint8Array<ArrayBuffer>, true);
  }
  for (const [name, xml] of added) deflated(name, xml);
  zip.end();
  if (failure) throw failure;
  let length = 0;
  for (const chunk of out) length += chunk.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of out) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

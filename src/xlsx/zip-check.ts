/**
 * A look at an .xlsx file's zip directory before anything is inflated: is it a zip at all, is it an Excel
 * workbook, and does it stay within the documented limit on uncompressed size (a zip bomb of a few MB
 * would otherwise take gigabytes of memory before ExcelJS notices). Reads only the central directory.
 */

/** Largest total uncompressed size of an .xlsx we read: 1 GiB (about two million formation rows). */
export const MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024;

/** A workbook that cannot be read, in Dutch and English (never a library's own words). */
export class WorkbookUnreadable extends Error {
  constructor(
    public readonly nl: string,
    public readonly en: string,
  ) {
    super(en);
  }
}

const NOT_XLSX = new WorkbookUnreadable(
  "Dit is geen .xlsx-werkmap (geen Excel-bestand of beschadigd); sla het in Excel op als Excel-werkmap (.xlsx).",
  "This is not an .xlsx workbook (not an Excel file, or damaged); save it in Excel as an Excel Workbook (.xlsx).",
);

export function notXlsx(): WorkbookUnreadable {
  return NOT_XLSX;
}

/** Throws WorkbookUnreadable when the bytes are not a plausible .xlsx within the size limit. */
export function checkXlsxZip(bytes: Uint8Array, limit = MAX_UNCOMPRESSED_BYTES): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) {
    // An old binary .xls (OLE2) says so; anything else is simply not a workbook.
    if (bytes.length >= 8 && view.getUint32(0, false) === 0xd0cf11e0)
      throw new WorkbookUnreadable(
        "Dit is een oud Excel-bestand (.xls) of een versleutelde werkmap; sla het in Excel op als .xlsx zonder wachtwoord.",
        "This is an old Excel file (.xls) or an encrypted workbook; save it in Excel as .xlsx without a password.",
      );
    throw NOT_XLSX;
  }
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw NOT_XLSX;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  let hasWorkbook = false;
  for (let e = 0; e < entries; e++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw NOT_XLSX;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === "xl/workbook.xml") hasWorkbook = true;
    // 0xFFFFFFFF marks a zip64 size: 4 GB or more, beyond the limit anyway.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    at += 46 + nameLength + extra + comment;
  }
  if (!hasWorkbook) throw NOT_XLSX;
  if (total > limit) {
    const mb = (n: number) => Math.round(n / 1024 / 1024).toLocaleString("nl-NL");
    throw new WorkbookUnreadable(
      `De werkmap is uitgepakt ${total >= Number.MAX_SAFE_INTEGER / 2 ? "meer dan 4.096" : mb(total)} MB, meer dan de grens van ${mb(limit)} MB; splits de invoer of verwijder bladen die niet nodig zijn.`,
      `The workbook is ${total >= Number.MAX_SAFE_INTEGER / 2 ? "over 4,096" : mb(total)} MB uncompressed, above the limit of ${mb(limit)} MB; split the input or remove sheets that are not needed.`,
    );
  }
}

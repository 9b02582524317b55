/**
 * Everything a reader sees of a workbook's sheets, as plain data, and the workbook read back: for tests that
 * compare what two writers made.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";

/** Everything a reader sees of a workbook's sheets, as plain data. */
export function contents(workbook: ExcelJS.Workbook) {
  return workbook.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = cell.style ?? {};
        if (cell.value === null && !style.font && !style.fill && !style.numFmt && !style.alignment) return;
        cells[cell.address] = {
          value: cell.value,
          numFmt: style.numFmt,
          font: style.font,
          fill: style.fill,
          alignment: style.alignment,
          validation: cell.dataValidation,
        };
      }),
    );
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width);
    const model = ws.model as unknown as { conditionalFormattings?: unknown[] };
    return {
      name: ws.name,
      views: (ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit })),
      widths,
      conditional: model.conditionalFormattings ?? [],
      cells,
    };
  });
}

export async function reread(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The user's default font (font 0) as ExcelJS reads a font: what a report font leaves out comes from it. */
export function defaultFont(original: Uint8Array): Record<string, unknown> {
  const font = /<font>([\s\S]*?)<\/font>/.exec(strFromU8(unzipSync(original)["xl/styles.xml"]))![1];
  const val = (tag: string) =>
    /val="([^"]*)"/.exec(new RegExp(`<${tag}\\s[^>]*/>`).exec(font)?.[0] ?? "")?.[1];
  const size = val("sz");
  const family = val("family");
  return {
    size: size && Number(size),
    name: val("name"),
    family: family && Number(family),
    scheme: val("scheme"),
  };
}

/**
 * A sheet's contents with each font's settings that equal the user's default font left out: the ExcelJS round
 * trip leaves them out of a report font, the patch writer fills them in from that default (the same look).
 */
export function withoutDefaults(
  sheet: ReturnType<typeof contents>[number],
  defaults: Record<string, unknown>,
) {
  const cells: Record<string, unknown> = {};
  for (const [ref, cell] of Object.entries(
    sheet.cells as Record<string, { font?: Record<string, unknown> }>,
  )) {
    const font = cell.font ? { ...cell.font } : undefined;
    if (font)
      for (const [k, v] of Object.entries(defaults)) if (v !== undefined && font[k] === v) delete font[k];
    cells[ref] = { ...cell, font };
  }
  return { ...sheet, cells };
}

/**
 * Everything a reader sees of a workbook's sheets, as plain data, and the workbook read back: for tests that
 * compare what two writers made.
 */
import ExcelJS from "exceljs";

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

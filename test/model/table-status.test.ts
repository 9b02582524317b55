/** tableStatus: what the pane shows per input table, right after an open and after every check. */
import { tableStatus } from "../../src/model/ports";
import type { ReadTables } from "../../src/model/workbook-types";

test("counts the rows below the header with any value; blank, empty and missing cells do not count", () => {
  // A sparse row (holes, as a reader leaves cells it never saw) and a zero, which is a value.
  const sparse: unknown[] = [];
  sparse[3] = 7;
  const read = {
    tables: {
      Formatie: [["Eenheid", "FTE"], ["A", 1], ["", null], [undefined, ""], sparse, [null, 0], []],
    },
    locations: { Formatie: { sheet: "Formatie", address: "A1:B7" } },
  } as unknown as ReadTables;
  const status = tableStatus(read, [
    { name: "Formatie", required: true },
    { name: "Inhuur", required: false },
  ]);
  expect(status).toEqual([
    { name: "Formatie", required: true, found: true, sheet: "Formatie", rows: 3 },
    { name: "Inhuur", required: false, found: false, sheet: undefined, rows: undefined },
  ]);
});

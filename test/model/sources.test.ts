/** The report's sources: file names from Office's document URL, illustrative marks in the first rows. */
import { fileNameFromUrl, marksInValues, MARK_ROWS } from "../../src/model/sources";

test("the file name from a path, a file URL or a SharePoint address with a query", () => {
  expect(fileNameFromUrl("C:\\Users\\a\\Documents\\Plan 2027.xlsx")).toBe("Plan 2027.xlsx");
  expect(fileNameFromUrl("file:///home/a/plan.xlsx")).toBe("plan.xlsx");
  expect(
    fileNameFromUrl(
      "https://minbzk.sharepoint.com/sites/ff/Gedeelde%20documenten/Formatie%202027.xlsx?web=1",
    ),
  ).toBe("Formatie 2027.xlsx");
  expect(fileNameFromUrl("")).toBeUndefined();
  expect(fileNameFromUrl(null)).toBeUndefined();
});

test("marks are found by their text, with their address, and only in the first rows", () => {
  const values = [
    ["", "Prijzen: ILLUSTRATIEF"],
    [1, 2],
  ];
  expect(marksInValues("Prijzen", values, 2, 3)).toEqual([
    { sheet: "Prijzen", cell: "D2", text: "Prijzen: ILLUSTRATIEF" },
  ]);
  // a block starting on the last scanned row: only that row counts
  expect(marksInValues("X", [["fictief"], ["fictief"]], MARK_ROWS, 1)).toEqual([
    { sheet: "X", cell: `A${MARK_ROWS}`, text: "fictief" },
  ]);
});

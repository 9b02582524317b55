import {
  dataTypeMessage,
  describeCellValue,
  isDataTypeValue,
  plainCellValue,
} from "../../src/model/cell-values";

test("data-type cells are recognised and described, never as [object Object]", () => {
  const city = {
    type: "Entity",
    text: "Amsterdam",
    properties: { Bevolking: { type: "Double", basicValue: 1 } },
  };
  expect(isDataTypeValue(city)).toBe(true);
  expect(isDataTypeValue(3)).toBe(false);
  expect(describeCellValue(city)).toBe("Entity 'Amsterdam'");
  expect(describeCellValue({ type: "LinkedEntity", basicValue: "#VALUE!" })).toBe("LinkedEntity '#VALUE!'");
  expect(describeCellValue("tekst")).toBe("tekst");
  const message = dataTypeMessage("fte", city);
  expect(message.nl).toMatch(/^fte bevat een gegevenstype \(Entity 'Amsterdam'\)/);
  expect(message.en).not.toMatch(/object Object/);
});

test("simple data types unwrap to their plain value", () => {
  expect(plainCellValue({ type: "FormattedNumber", basicValue: 0.35, numberFormat: "0%" })).toBe(0.35);
  expect(plainCellValue({ type: "String", basicValue: "Primair" })).toBe("Primair");
  expect(plainCellValue({ type: "Empty" })).toBe("");
  const entity = { type: "Entity", text: "x" };
  expect(plainCellValue(entity)).toBe(entity);
  expect(plainCellValue(7)).toBe(7);
});

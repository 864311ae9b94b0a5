/**
 * The narrow ExcelJS imports of the file mode: the Workbook and ValueType loaded from their own modules must be
 * ExcelJS's own (a workbook made from one is an ExcelJS workbook).
 */
import ExcelJS from "exceljs";
import { ValueType, Workbook } from "../../src/xlsx/exceljs-workbook";

describe("ExcelJS loaded without its streaming reader and writer", () => {
  it("is the package's Workbook class and ValueType enum", () => {
    expect(Workbook).toBe(ExcelJS.Workbook);
    expect(ValueType).toBe(ExcelJS.ValueType);
    const wb = new Workbook();
    wb.addWorksheet("Hoja").getCell("A1").value = { formula: "1+1", result: 2 };
    expect(wb.getWorksheet("Hoja")?.getCell("A1").type).toBe(ValueType.Formula);
  });
});

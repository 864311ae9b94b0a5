import { planTableAppend } from "../../../src/domain/workbook/table-append";
import type { CellValue } from "../../../src/domain/workbook/snapshot";
import { buildSnapshot, sheetOf, type FixtureCell } from "../../helpers/snapshot-builder";

const CALC = "=YEAR([@Fecha])";

function sheetWith(rows: FixtureCell[][], below: FixtureCell[][] = []) {
  const snapshot = buildSnapshot([
    { name: "NC", rows: [...rows.map((r) => r.map(() => null)), ...below], tables: [{ name: "tblNC", at: "A1", rows }] },
  ]);
  const sheet = sheetOf(snapshot, "NC");
  const area = sheet.tables[0]?.area ?? { row: 0, col: 0, rowCount: 0, colCount: 0 };
  return { sheet, area };
}

describe("planTableAppend: where new table rows go, decided once", () => {
  it("fills the blank rows at the table's bottom first, keeping their calculated formula, then the rows under it", () => {
    const { sheet, area } = sheetWith([
      ["Nº", "Fecha", "Año"],
      ["NC-1", 46000, { formula: CALC, value: 2025 }],
      [null, null, { formula: CALC, value: 1900 }],
    ]);
    const placed = planTableAppend({ sheet, table: "tblNC", area, rows: [["NC-2", 46001, null], ["NC-3", 46002, null]] });
    expect(placed.rows).toEqual([2, 3]);
    expect(placed.step?.cells).toEqual([
      { row: 2, col: 0, value: "NC-2", expected: null },
      { row: 2, col: 1, value: 46001, expected: null },
      { row: 3, col: 0, value: "NC-3", expected: null },
      { row: 3, col: 1, value: 46002, expected: null },
      { row: 3, col: 2, formula: CALC, expected: null },
    ]);
    expect(placed.step?.newArea).toEqual({ row: 0, col: 0, rowCount: 4, colCount: 3 });
  });

  it("does not reuse a row that holds a formula someone typed (=TODAY()): the new row goes under it", () => {
    const { sheet, area } = sheetWith([
      ["Nombre", "Valor"],
      ["Inicio", 46000],
      [null, { formula: "=TODAY()", value: 46100 }],
    ]);
    const placed = planTableAppend({ sheet, table: "tblNC", area, rows: [["Hoy", { formula: "=TODAY()", result: 46100 }]] });
    expect(placed.rows).toEqual([3]);
    expect(placed.step?.cells.map((c) => [c.row, c.col, c.value ?? c.formula])).toEqual([
      [3, 0, "Hoy"],
      [3, 1, "=TODAY()"],
    ]);
  });

  it("names the cell under the table that would be overwritten instead of planning the rows", () => {
    const { sheet, area } = sheetWith([["Nº", "Texto"], ["NC-1", "uno"]], [[null, "Firma"]]);
    const placed = planTableAppend({ sheet, table: "tblNC", area, rows: [["NC-2", null]] });
    expect(placed).toEqual({ step: null, blocker: "NC!B3", rows: [] });
  });

  it("appends after the last row when reuse is off, and sees the plan's own earlier writes", () => {
    const { sheet, area } = sheetWith([["Nº", "Texto"], ["NC-1", "uno"], [null, null]], [["Firma", null]]);
    const vacated = (row: number, col: number): CellValue => (row === 3 && col === 0 ? null : (sheet.values[row]?.[col] ?? null));
    const placed = planTableAppend({ sheet, table: "tblNC", area, rows: [["NC-2", "dos"]], reuseBlankRows: false, content: vacated });
    expect(placed.rows).toEqual([3]);
    expect(placed.step?.cells[0]).toEqual({ row: 3, col: 0, value: "NC-2", expected: null });
  });
});

describe("planTableAppend: calculated columns", () => {
  it("treats a formula every data row holds as the column's calculated formula, even without [@…]", () => {
    const { sheet, area } = sheetWith([
      ["Nombre", "Consultado"],
      ["a", { formula: "=TODAY()", value: 46100 }],
      [null, { formula: "=TODAY()", value: 46100 }],
    ]);
    const placed = planTableAppend({ sheet, table: "tblNC", area, rows: [["b", null], ["c", null]] });
    expect(placed.rows).toEqual([2, 3]);
    expect(placed.step?.cells.map((c) => [c.row, c.col, c.value ?? c.formula])).toEqual([
      [2, 0, "b"],
      [3, 0, "c"],
      [3, 1, "=TODAY()"],
    ]);
  });
});

import { validateWorkbook } from "../../../src/domain/validation";
import type { CellPatch } from "./clean-workbook";
import { cleanWorkbook, TODAY } from "./clean-workbook";

const formulaOnly = { formula: "=x", value: "" };

/**
 * Each table of the clean workbook grows, below its last record, rows Validar must pass over (blank, only
 * spaces, only formulas) and then a last row with planted mistakes.
 */
const patches: CellPatch[] = [
  // Operaciones: rows 1–5 are the clean ones (row 4 blank). Row 6 only formulas, row 7 only spaces.
  { sheet: "Operaciones", cell: "Q6", value: { formula: "=x", value: 3 } },
  { sheet: "Operaciones", cell: "R6", value: formulaOnly },
  { sheet: "Operaciones", cell: "S6", value: formulaOnly },
  { sheet: "Operaciones", cell: "C7", value: "   " },
  { sheet: "Operaciones", cell: "A8", value: "do-1001" },
  { sheet: "Operaciones", cell: "I8", value: "02/03/2026" },
  // Alianzas: rows 1–3 clean, row 4 blank, row 5 only a formula.
  { sheet: "Alianzas", cell: "P5", value: formulaOnly },
  { sheet: "Alianzas", cell: "A6", value: "agencia caribe sas" },
  { sheet: "Alianzas", cell: "L6", value: "Si" },
  // No Conformidades: rows 1–2 clean, row 3 blank, row 4 only spaces.
  { sheet: "No Conformidades", cell: "F4", value: " " },
  { sheet: "No Conformidades", cell: "A5", value: "NC-26-1" },
  { sheet: "No Conformidades", cell: "E5", value: "Agencia del Norte" },
];

describe("Validar checks every data row of a table", () => {
  const { findings } = validateWorkbook(cleanWorkbook(patches), { today: TODAY });
  const at = (sheet: string, cell: string) => findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.rule);

  it.each([
    ["Operaciones", "A8", "do-duplicado"],
    ["Operaciones", "I8", "fecha-invalida"],
    ["Alianzas", "A6", "aliado-duplicado"],
    ["Alianzas", "L6", "valor-no-permitido"],
    ["No Conformidades", "A5", "nc-numero-invalido"],
    ["No Conformidades", "E5", "aliado-desconocido"],
    ["No Conformidades", "F5", "campo-obligatorio"],
  ])("reports the mistake in %s!%s, on the last row, past blank, space-only and formula-only rows", (sheet, cell, rule) => {
    expect(at(sheet, cell)).toContain(rule);
  });

  it("reports nothing on the rows that hold nothing typed", () => {
    const skipped = new Set(["Operaciones:3", "Operaciones:5", "Operaciones:6", "Alianzas:3", "Alianzas:4", "No Conformidades:2", "No Conformidades:3"]);
    expect(findings.filter((f) => skipped.has(`${f.sheet}:${f.row}`))).toEqual([]);
  });
});

import { nextNonconformityNumber, NonconformityInputError, planAppendNonconformity, readWorkbookModel } from "../../../src/domain/workbook";
import type { CellValue, WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { applyPlanToSnapshot } from "../../helpers/plan-simulator";
import { buildSnapshot, cellAt, serial } from "../../helpers/snapshot-builder";
import { cleanWorkbook, TODAY } from "../validation/clean-workbook";

const input = {
  date: serial(2026, 3, 18),
  type: "Incumplimiento ANS",
  do: "DO-1001",
  description: "Levante tardío",
  severity: "Mayor",
  correction: "Se escaló con el aliado",
  owner: "Laura",
  dueDate: serial(2026, 4, 1),
};

/** Header and data rows of the sheet's first table, as fixture rows. */
function tableRows(snapshot: WorkbookSnapshot, sheetName: string): CellValue[][] {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const area = sheet?.tables[0]?.area;
  if (!sheet || !area) throw new Error(sheetName);
  return sheet.values.slice(area.row - sheet.area.row, area.row - sheet.area.row + area.rowCount);
}

describe("nextNonconformityNumber", () => {
  it("continues the year's highest number and restarts each year", () => {
    const model = readWorkbookModel(cleanWorkbook([{ sheet: "No Conformidades", cell: "A3", value: "NC-2026-006" }, { sheet: "No Conformidades", cell: "F3", value: "x" }]));
    expect(nextNonconformityNumber(model, 2026)).toBe("NC-2026-007");
    expect(nextNonconformityNumber(model, 2027)).toBe("NC-2027-001");
  });
});

describe("planAppendNonconformity", () => {
  it("appends the row in the table's column order and links the DO's empty NC cell", () => {
    const before = cleanWorkbook();
    const plan = planAppendNonconformity(before, input, { today: TODAY });
    const after = applyPlanToSnapshot(before, plan);
    expect(cellAt(after, "No Conformidades", "A3")).toBe("NC-2026-002");
    expect(cellAt(after, "No Conformidades", "E3")).toBe("Agencia Caribe SAS");
    expect(cellAt(after, "No Conformidades", "N3")).toBe("Pendiente");
    expect(cellAt(after, "No Conformidades", "O3")).toBe("Abierta");
    expect(cellAt(after, "Operaciones", "T2")).toBe("NC-2026-002");
    expect(readWorkbookModel(after).nonconformities).toHaveLength(2);
  });

  it("keeps a different NC already linked to the DO and says so", () => {
    const before = cleanWorkbook();
    const plan = planAppendNonconformity(before, { ...input, do: "DO-1002" }, { today: TODAY });
    expect(plan.steps.map((s) => s.kind)).toEqual(["appendTableRows"]);
    expect(plan.notes.join("\n")).toContain("ya tiene la no conformidad «NC-2026-001»");
  });

  it("refuses, naming the cell, when something sits right under the register (it would be overwritten)", () => {
    const clean = cleanWorkbook();
    const before = buildSnapshot([
      ...clean.sheets.filter((s) => s.name !== "No Conformidades").map((s) => ({ name: s.name, rows: [] })),
      {
        name: "No Conformidades",
        rows: [[], [], [null, "nota del coordinador"]],
        tables: [{ name: "tblNoConformidades", at: "A1", rows: tableRows(clean, "No Conformidades") }],
      },
    ]);
    expect(() => planAppendNonconformity(before, input, { today: TODAY })).toThrow(
      /la celda 'No Conformidades'!B3, justo debajo de la tabla tblNoConformidades, tiene contenido que se perdería/,
    );
  });

  it("refuses without a register table or a description", () => {
    expect(() => planAppendNonconformity(buildSnapshot([{ name: "Hoja1" }]), input, { today: TODAY })).toThrow(NonconformityInputError);
    expect(() => planAppendNonconformity(cleanWorkbook(), { ...input, description: " " }, { today: TODAY })).toThrow("descripción");
  });
});

import ExcelJS from "exceljs";
import { planSampleData } from "../../src/sample";
import { findAlliance } from "../../src/domain/workbook/alliance-lookup";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import { readWorkbookModel } from "../../src/domain/workbook/read-model";
import { applyPlan, readSnapshot, saveWorkbookFile } from "../../src/xlsx";
import { oracleServiceDays, serial } from "../domain/evaluation/independent-oracle";
import { temporaryFolder } from "../xlsx/xlsx-test-files";
import { TODAY, run } from "./run-cli";

const folder = temporaryFolder();
afterAll(() => folder.cleanup());
const LATER = serial(2026, 7, 17);

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  applyPlan(wb, planSampleData(readSnapshot(wb), { today: TODAY, seed: 11 }));
  await saveWorkbookFile(wb, folder.file("ejemplo.xlsx"));
});

interface Json {
  today: string;
  operations: { do: string; alliance: string; city: string; coordinator: string; status: string; dueDate: string; businessDaysLeft: number }[];
  nonconformities: { number: string; alliance: string; reason: string; dueDate: string | null; cell: string }[];
}

describe("control-alianzas seguimiento", () => {
  it("--json --hoy lists the open DOs out of time with the days an independent NETWORKDAYS.INTL count gives", async () => {
    const result = await run("seguimiento", folder.file("ejemplo.xlsx"), "--hoy", "2026-07-17", "--json");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout) as Json;
    expect(json.today).toBe("2026-07-17");
    expect(json.operations.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(folder.file("ejemplo.xlsx"));
    const model = readWorkbookModel(readSnapshot(wb));
    for (const item of json.operations) {
      expect(Object.keys(item)).toEqual(["do", "alliance", "city", "coordinator", "status", "dueDate", "businessDaysLeft"]);
      const op = model.operations.find((o) => o.do === item.do)!;
      expect(op.release).toBeNull();
      const alliance = findAlliance(model.alliances, op.alliance)!;
      const start = Math.max(op.arrival ?? -Infinity, op.documentsComplete ?? -Infinity);
      const target = (op.type === "Importación" ? alliance.importTarget! : alliance.exportTarget!) + op.clientDelayDays;
      const elapsed = oracleServiceDays(start, LATER, alliance.saturdayIsBusiness, model.extraHolidays);
      expect(item.businessDaysLeft).toBe(target - elapsed);
      expect(item.status).toBe(elapsed > target ? "Vencido" : "En riesgo");
      expect(item.dueDate).toMatch(/^2026-\d{2}-\d{2}$/);
      const [y, m, d] = item.dueDate.split("-").map(Number);
      // The due date is the business day on which elapsed reaches the target.
      expect(oracleServiceDays(start, serial(y!, m!, d!), alliance.saturdayIsBusiness, model.extraHolidays)).toBe(target);
    }
    const days = json.operations.map((o) => o.businessDaysLeft);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(json.nonconformities.length).toBeGreaterThan(0);
    for (const nc of json.nonconformities) {
      expect(Object.keys(nc)).toEqual(["number", "alliance", "reason", "dueDate", "cell"]);
      expect(["nc-compromiso-vencido", "nc-sin-analisis", "nc-eficacia-pendiente"]).toContain(nc.reason);
      expect(nc.cell).toMatch(/^[A-Z]+\d+$/);
    }
  });

  it("uses today when --hoy is not given: nothing overdue yet on the sample's day, the NCs still listed", async () => {
    const result = await run("seguimiento", folder.file("ejemplo.xlsx"), "--json");
    const json = JSON.parse(result.stdout) as Json;
    expect(json.today).toBe("2026-06-27");
    expect(json.operations).toEqual([]);
    expect(json.nonconformities.map((n) => n.number)).toContain("NC-2025-005");
  });

  it("prints a readable Spanish table with each DO, its due date and the cell to go to", async () => {
    const result = await run("seguimiento", folder.file("ejemplo.xlsx"), "--hoy", "2026-07-17");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Seguimiento de «.*ejemplo\.xlsx» al 17\/07\/2026/);
    expect(result.stdout).toMatch(/Operaciones abiertas vencidas o en riesgo \(\d+\), la más urgente primero:/);
    expect(result.stdout).toMatch(/DO-2026-\d+ .*Vencido .*\d{2}\/\d{2}\/2026 .*días hábiles de retraso .*Operaciones!S\d+/);
    expect(result.stdout).toMatch(/NC-2025-005 .*Fecha compromiso vencida .*No Conformidades!L\d+/);
  });

  it("rejects a --hoy that is not a date with status 2 and the form to use", async () => {
    const result = await run("seguimiento", folder.file("ejemplo.xlsx"), "--hoy", "2026-02-30");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/La fecha «2026-02-30» de --hoy no es válida: escríbala como AAAA-MM-DD/);
    const help = await run("seguimiento", "--help");
    expect(help.stdout).toMatch(/^Uso: control-alianzas seguimiento/);
  });
});

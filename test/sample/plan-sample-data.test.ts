import ExcelJS from "exceljs";
import { getBusinessCalendar, serialFromYmd } from "../../src/domain/calendar";
import { isValidNit } from "../../src/domain/identity/nit";
import { generateOperationRows, planSampleData } from "../../src/sample";
import { ALLIANCE_CITIES, OPERATION_HEADERS, TABLES } from "../../src/domain/workbook/headers";
import type { AppendTableRowsStep, Plan } from "../../src/domain/workbook/plan";
import { planPreparation } from "../../src/domain/workbook/plan-preparation";
import type { CellValue, WorkbookSnapshot } from "../../src/domain/workbook/snapshot";
import { applyPlan, readSnapshot } from "../../src/xlsx";

const TODAY = serialFromYmd(2026, 6, 15);

function preparedSnapshot(): WorkbookSnapshot {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
  return readSnapshot(wb);
}

/** The appended rows of one table as header → value records. */
function records(snapshot: WorkbookSnapshot, plan: Plan, table: string): Record<string, CellValue>[] {
  const step = plan.steps.find((s): s is AppendTableRowsStep => s.kind === "appendTableRows" && s.table === table);
  const headers = snapshot.sheets.flatMap((s) => s.tables).find((t) => t.name === table)?.columns.map((c) => c.header) ?? [];
  const area = step?.area;
  const byRow = new Map<number, Record<string, CellValue>>();
  for (const cell of step?.cells ?? []) {
    const record = byRow.get(cell.row) ?? Object.fromEntries(headers.map((h) => [h, null]));
    record[headers[cell.col - (area?.col ?? 0)] ?? ""] = cell.formula !== undefined ? (cell.result ?? null) : (cell.value ?? null);
    byRow.set(cell.row, record);
  }
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, record]) => record);
}

describe("planSampleData", () => {
  const snapshot = preparedSnapshot();
  const plan = planSampleData(snapshot, { today: TODAY, seed: 7 });
  const alliances = records(snapshot, plan, TABLES.alliances);
  const operations = records(snapshot, plan, TABLES.operations);
  const ncs = records(snapshot, plan, TABLES.nonconformities);
  const H = OPERATION_HEADERS;

  it("is the same workbook for the same seed and day, and another for another seed", () => {
    expect(planSampleData(snapshot, { today: TODAY, seed: 7 })).toEqual(plan);
    expect(planSampleData(snapshot, { today: TODAY, seed: 8 })).not.toEqual(plan);
  });

  it("loads one alliance per city with valid NITs, agreed times and one contract about to expire", () => {
    expect(alliances.map((a) => a["Ciudades"]).sort()).toEqual(ALLIANCE_CITIES.map((c) => c.city).sort());
    for (const alliance of alliances) {
      expect(isValidNit(String(alliance["NIT"]))).toBe(true);
      expect(alliance["Meta importación (días hábiles)"]).toBeGreaterThanOrEqual(3);
      expect(alliance["Meta importación (días hábiles)"]).toBeLessThanOrEqual(5);
      expect(alliance["Meta exportación (días hábiles)"]).toBeGreaterThanOrEqual(2);
      expect(alliance["Meta exportación (días hábiles)"]).toBeLessThanOrEqual(3);
    }
    const ends = alliances.map((a) => Number(a["Fin contrato"]) - TODAY);
    expect(ends.filter((days) => days > 0 && days <= 60)).toHaveLength(1);
    expect(alliances.filter((a) => a["Sábado hábil"] === "Sí")).toHaveLength(1);
    expect(alliances.every((a) => /BASC|OEA/.test(String(a["Certificaciones"])))).toBe(true);
  });

  it("covers two calendar years of imports and exports in every city and mode, up to yesterday", () => {
    expect(operations.length).toBeGreaterThanOrEqual(600);
    expect(operations.length).toBeLessThanOrEqual(1200);
    const opened = operations.map((op) => Number(op[H.opened]));
    expect(Math.min(...opened)).toBeLessThan(serialFromYmd(2025, 1, 31));
    expect(Math.max(...opened)).toBeLessThan(TODAY);
    expect(new Set(operations.map((op) => op[H.city]))).toEqual(new Set([...ALLIANCE_CITIES.map((c) => c.city), "Buenaventura"]));
    expect(new Set(operations.map((op) => op[H.mode]))).toEqual(new Set(["Marítimo", "Aéreo", "Terrestre"]));
    expect(new Set(operations.map((op) => op[H.type]))).toEqual(new Set(["Importación", "Exportación"]));
  });

  it("puts milestones on business days, in order, with some DOs late and the latest still open", () => {
    const weekdays = getBusinessCalendar(true, []);
    const ordered = operations.filter((op) => {
      const steps = [H.declaration, H.release, H.delivery].map((h) => op[h]);
      return steps.every((v, i) => i === 0 || v === null || typeof v !== "number" || typeof steps[i - 1] !== "number" || v >= Number(steps[i - 1]));
    });
    expect(operations.length - ordered.length).toBe(1);
    for (const op of operations) {
      for (const header of [H.arrival, H.release]) {
        const value = op[header];
        if (typeof value === "number") expect(weekdays.isBusinessDay(Math.floor(value))).toBe(true);
      }
    }
    expect(operations.filter((op) => op[H.ansStatus] === "No cumple").length).toBeGreaterThan(20);
    expect(operations.filter((op) => op[H.release] === null).length).toBeGreaterThan(3);
  });

  it("includes the mistakes a coordinator makes", () => {
    const dos = operations.map((op) => op[H.do]);
    expect(dos.length - new Set(dos).size).toBe(1);
    expect(operations.filter((op) => typeof op[H.documentsComplete] === "string")).toEqual([
      expect.objectContaining({ [H.documentsComplete]: expect.stringMatching(/^\d\d\/\d\d\/\d{4}$/) }),
    ]);
    expect(operations.filter((op) => op[H.city] === "Buenaventura")).toHaveLength(1);
    expect(operations.filter((op) => op[H.client] === null)).toHaveLength(1);
    expect(operations.filter((op) => op[H.alliance] === "Aduanas del Pacífico S.A.S.")).toHaveLength(1);
  });

  it("registers about a dozen non-conformities linked to their DOs", () => {
    expect(ncs.length).toBeGreaterThanOrEqual(10);
    const numbers = ncs.map((nc) => String(nc["Nº"]));
    expect(new Set(numbers).size).toBe(ncs.length);
    for (const number of numbers) expect(number).toMatch(/^NC-\d{4}-\d{3}$/);
    for (const nc of ncs.filter((n) => n["DO"] !== null)) {
      expect(operations.find((op) => op[H.do] === nc["DO"])?.[H.nc]).toBe(nc["Nº"]);
    }
    expect(ncs.some((nc) => nc["Estado"] === "Cerrada" && nc["Eficaz"] === "Sí")).toBe(true);
  });

  it("refuses a workbook that is not prepared or already has data", () => {
    expect(planSampleData({ sheets: [], names: {} }, { today: TODAY, seed: 1 }).steps).toEqual([]);
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, planPreparation(readSnapshot(wb), { today: TODAY }));
    applyPlan(wb, plan);
    const second = planSampleData(readSnapshot(wb), { today: TODAY, seed: 7 });
    expect(second.steps).toEqual([]);
    expect(second.notes[0]).toMatch(/ya tiene datos/);
  });
});

describe("generateOperationRows", () => {
  it("generates exactly the rows asked for, with unique DO numbers", () => {
    const rows = generateOperationRows(5_000, 3, { today: TODAY });
    expect(rows).toHaveLength(5_000);
    expect(new Set(rows.map((r) => r.do)).size).toBe(5_000);
  });
});

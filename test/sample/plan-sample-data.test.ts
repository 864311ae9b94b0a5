import ExcelJS from "exceljs";
import { serialFromYmd } from "../../src/domain/calendar";
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

/**
 * Colombian national holidays of the sample's two years, written by hand from the official calendar (Ley 51
 * de 1983 moves most of them to the next Monday): the test's own calendar, not the one under test.
 */
const NATIONAL_HOLIDAYS: readonly string[] = [
  "2025-01-01", "2025-01-06", "2025-03-24", "2025-04-17", "2025-04-18", "2025-05-01", "2025-06-02",
  "2025-06-23", "2025-06-30", "2025-07-20", "2025-08-07", "2025-08-18", "2025-10-13", "2025-11-03",
  "2025-11-17", "2025-12-08", "2025-12-25",
  "2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01", "2026-05-18",
  "2026-06-08", "2026-06-15", "2026-06-29", "2026-07-20", "2026-08-07", "2026-08-17", "2026-10-12",
  "2026-11-02", "2026-11-16", "2026-12-08", "2026-12-25",
];

const serialOfIso = (iso: string): number => {
  const [year, month, day] = iso.split("-").map(Number);
  return serialFromYmd(year ?? 0, month ?? 0, day ?? 0);
};

/** Day of the week of a serial after 1 March 1900: 0 Sunday … 6 Saturday (serial 45658 is Wednesday 1 January 2025). */
const weekday = (serial: number): number => (Math.floor(serial) - 1) % 7;

/** A working day for an alliance: Monday to Friday (and Saturday when its Sábado hábil is Sí), not a holiday. */
function isWorkingDay(serial: number, saturday: boolean, extraHolidays: ReadonlySet<number>): boolean {
  const day = Math.floor(serial);
  const dow = weekday(day);
  if (dow === 0 || (dow === 6 && !saturday)) return false;
  return !NATIONAL_HOLIDAYS.some((iso) => serialOfIso(iso) === day) && !extraHolidays.has(day);
}

/** Working days d with date(start) < d ≤ date(end), counted one by one. */
function countWorkingDays(start: number, end: number, saturday: boolean, extraHolidays: ReadonlySet<number>): number {
  let count = 0;
  for (let day = Math.floor(start) + 1; day <= Math.floor(end); day++) if (isWorkingDay(day, saturday, extraHolidays)) count++;
  return count;
}

describe("the test's own calendar", () => {
  it("knows the days a coordinator knows", () => {
    const none = new Set<number>();
    expect(weekday(serialFromYmd(2025, 1, 1))).toBe(3);
    expect(isWorkingDay(serialFromYmd(2025, 4, 18), false, none)).toBe(false); // Viernes Santo
    expect(isWorkingDay(serialFromYmd(2025, 4, 19), true, none)).toBe(true); // a Saturday for a Saturday alliance
    expect(isWorkingDay(serialFromYmd(2025, 4, 19), false, none)).toBe(false);
    expect(countWorkingDays(serialFromYmd(2025, 4, 16) + 0.5, serialFromYmd(2025, 4, 21) + 0.4, false, none)).toBe(1);
    expect(countWorkingDays(serialFromYmd(2025, 4, 16), serialFromYmd(2025, 4, 21), true, none)).toBe(2);
  });
});

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

  const extraHolidays = new Set(records(snapshot, plan, TABLES.extraHolidays).map((h) => Number(h["Fecha"])));
  const saturdayByAlliance = new Map(alliances.map((a) => [String(a["Aliado"]), a["Sábado hábil"] === "Sí"]));

  it("lists two extra holidays of last year, both weekdays", () => {
    expect([...extraHolidays].sort()).toEqual([serialFromYmd(2025, 9, 26), serialFromYmd(2025, 11, 28)]);
    expect([...extraHolidays].map(weekday)).toEqual([5, 5]);
  });

  it("puts milestones on working days of each alliance's own calendar, in order, with some DOs late and the latest still open", () => {
    const ordered = operations.filter((op) => {
      const steps = [H.declaration, H.release, H.delivery].map((h) => op[h]);
      return steps.every((v, i) => i === 0 || v === null || typeof v !== "number" || typeof steps[i - 1] !== "number" || v >= Number(steps[i - 1]));
    });
    expect(operations.length - ordered.length).toBe(1);
    const offCalendar: string[] = [];
    let saturdays = 0;
    for (const op of operations) {
      const saturday = saturdayByAlliance.get(String(op[H.alliance]));
      if (saturday === undefined) continue;
      for (const header of [H.arrival, H.documentsComplete, H.release, H.delivery, H.invoiced]) {
        const value = op[header];
        if (typeof value !== "number") continue;
        if (!isWorkingDay(value, saturday, extraHolidays)) offCalendar.push(`${String(op[H.do])} ${header}`);
        if (weekday(value) === 6) saturdays++;
      }
    }
    expect(offCalendar).toEqual([]);
    expect(saturdays).toBeGreaterThan(0);
    expect(operations.filter((op) => op[H.ansStatus] === "No cumple").length).toBeGreaterThan(20);
    expect(operations.filter((op) => op[H.release] === null).length).toBeGreaterThan(3);
  });

  it("carries the service time and status Excel computes, counted on each alliance's calendar", () => {
    let checked = 0;
    let onExtraHolidayCalendar = 0;
    for (const op of operations) {
      const saturday = saturdayByAlliance.get(String(op[H.alliance]));
      const [arrival, documents, release] = [op[H.arrival], op[H.documentsComplete], op[H.release]];
      if (saturday === undefined || typeof arrival !== "number" || typeof documents !== "number" || typeof release !== "number") continue;
      const start = Math.max(arrival, documents);
      if (release < start) continue;
      const clientDays = typeof op[H.clientDelayDays] === "number" ? Number(op[H.clientDelayDays]) : 0;
      const days = Math.max(0, countWorkingDays(start, release, saturday, extraHolidays) - clientDays);
      expect({ do: op[H.do], time: op[H.serviceTime] }).toEqual({ do: op[H.do], time: days });
      expect({ do: op[H.do], status: op[H.ansStatus] }).toEqual({ do: op[H.do], status: days <= Number(op[H.target]) ? "Cumple" : "No cumple" });
      if ([...extraHolidays].some((h) => Math.floor(start) < h && h <= Math.floor(release))) onExtraHolidayCalendar++;
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
    // Some DOs span an extra holiday, so a calendar that ignored tblFestivosExtra would be caught.
    expect(onExtraHolidayCalendar).toBeGreaterThan(0);
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

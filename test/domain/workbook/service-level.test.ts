import { serialFromYmd } from "../../../src/domain/calendar";
import type { AllianceRecord } from "../../../src/domain/workbook/model";
import type { CellValue } from "../../../src/domain/workbook/snapshot";
import { serviceLevelOfCells, targetFor } from "../../../src/domain/workbook/service-level";
import type { ServiceLevelAlliance, ServiceLevelCells } from "../../../src/domain/workbook/service-level";
import { elapsedServiceTime, serviceLevelStatus } from "../../../src/functions/functions";

// February 2026 has no Colombian holiday; 2 February is a Monday.
const feb = (day: number): number => serialFromYmd(2026, 2, day);

const WEEKDAYS: ServiceLevelAlliance = { importTarget: 3, exportTarget: 2, saturdayIsBusiness: false };
const NO_META: ServiceLevelAlliance = { importTarget: null, exportTarget: null, saturdayIsBusiness: false };
const SATURDAYS: ServiceLevelAlliance = { importTarget: 1, exportTarget: 1, saturdayIsBusiness: true };
const WEEKDAYS_1: ServiceLevelAlliance = { importTarget: 1, exportTarget: 1, saturdayIsBusiness: false };
const TARGET_2: ServiceLevelAlliance = { importTarget: 2, exportTarget: 2, saturdayIsBusiness: false };

const row = (cells: Partial<ServiceLevelCells>): ServiceLevelCells => ({
  type: "Importación",
  arrival: null,
  documentsComplete: null,
  release: null,
  clientDelayDays: null,
  ...cells,
});

/** Expected values worked out by hand; null is the #VALUE! the sheet shows. `start` and `clientN` are MAX(…) and N(…) by hand. */
interface Case {
  label: string;
  cells: ServiceLevelCells;
  alliance: ServiceLevelAlliance | undefined;
  holidays?: number[];
  today?: number;
  start: number;
  clientN: number;
  expected: { target: CellValue; serviceTime: CellValue; ansStatus: CellValue };
}

const CASES: Case[] = [
  { label: "a DO on time", cells: row({ arrival: feb(2), documentsComplete: feb(3), release: feb(6) }), alliance: WEEKDAYS, start: feb(3), clientN: 0,
    expected: { target: 3, serviceTime: 3, ansStatus: "Cumple" } },
  { label: "blank Meta counts as 0", cells: row({ arrival: feb(2), documentsComplete: feb(3), release: feb(6) }), alliance: NO_META, start: feb(3), clientN: 0,
    expected: { target: 0, serviceTime: 3, ansStatus: "No cumple" } },
  { label: "Tipo in another case", cells: row({ type: "IMPORTACIÓN", arrival: feb(3), release: feb(6) }), alliance: WEEKDAYS, start: feb(3), clientN: 0,
    expected: { target: 3, serviceTime: 3, ansStatus: "Cumple" } },
  { label: "Tipo without its accent", cells: row({ type: "Importacion", arrival: feb(3), release: feb(6) }), alliance: WEEKDAYS, start: feb(3), clientN: 0,
    expected: { target: "", serviceTime: 3, ansStatus: "" } },
  { label: "unknown alliance", cells: row({ arrival: feb(3), release: feb(6) }), alliance: undefined, start: feb(3), clientN: 0,
    expected: { target: "", serviceTime: 3, ansStatus: "" } },
  { label: "arrival typed as text (MAX ignores it)", cells: row({ arrival: "02/02/2026", documentsComplete: feb(3), release: feb(6) }), alliance: WEEKDAYS, start: feb(3), clientN: 0,
    expected: { target: 3, serviceTime: 3, ansStatus: "Cumple" } },
  { label: "only arrival, typed as text", cells: row({ arrival: "03/02/2026", release: feb(6) }), alliance: WEEKDAYS, start: 0, clientN: 0,
    expected: { target: 3, serviceTime: null, ansStatus: "" } },
  { label: "levante typed as text", cells: row({ arrival: feb(3), release: "06/02/2026" }), alliance: WEEKDAYS, start: feb(3), clientN: 0,
    expected: { target: 3, serviceTime: null, ansStatus: null } },
  // [@Levante]="" is FALSE for spaces, so the formula calls TIEMPO_SERVICIO, which reads them as empty and gives "": "" − N(…) is #VALUE!.
  { label: "levante of only spaces", cells: row({ arrival: feb(3), release: "   " }), alliance: WEEKDAYS, start: feb(3), clientN: 0,
    expected: { target: 3, serviceTime: null, ansStatus: "Vencido" } },
  { label: "levante before start", cells: row({ arrival: feb(6), release: feb(3) }), alliance: WEEKDAYS, start: feb(6), clientN: 0,
    expected: { target: 3, serviceTime: null, ansStatus: null } },
  { label: "client days", cells: row({ arrival: feb(3), release: feb(10), clientDelayDays: 2 }), alliance: WEEKDAYS, start: feb(3), clientN: 2,
    expected: { target: 3, serviceTime: 3, ansStatus: "Cumple" } },
  { label: "client days typed as text (N gives 0)", cells: row({ arrival: feb(3), release: feb(10), clientDelayDays: "2" }), alliance: WEEKDAYS, start: feb(3), clientN: 0,
    expected: { target: 3, serviceTime: 5, ansStatus: "No cumple" } },
  { label: "more client days than days", cells: row({ arrival: feb(3), release: feb(4), clientDelayDays: 4 }), alliance: WEEKDAYS, start: feb(3), clientN: 4,
    expected: { target: 3, serviceTime: 0, ansStatus: "Cumple" } },
  { label: "Saturday alliance, Friday to Monday", cells: row({ arrival: feb(6), release: feb(9) }), alliance: SATURDAYS, start: feb(6), clientN: 0,
    expected: { target: 1, serviceTime: 2, ansStatus: "No cumple" } },
  { label: "weekday alliance, Friday to Monday", cells: row({ arrival: feb(6), release: feb(9) }), alliance: WEEKDAYS_1, start: feb(6), clientN: 0,
    expected: { target: 1, serviceTime: 1, ansStatus: "Cumple" } },
  { label: "an extra holiday on Wednesday", cells: row({ arrival: feb(3), release: feb(6) }), alliance: TARGET_2, holidays: [feb(4)], start: feb(3), clientN: 0,
    expected: { target: 2, serviceTime: 2, ansStatus: "Cumple" } },
  { label: "no extra holiday", cells: row({ arrival: feb(3), release: feb(6) }), alliance: TARGET_2, start: feb(3), clientN: 0,
    expected: { target: 2, serviceTime: 3, ansStatus: "No cumple" } },
  { label: "open DO, one day of three", cells: row({ type: "Exportación", documentsComplete: feb(3) }), alliance: { ...WEEKDAYS, exportTarget: 3 }, today: feb(4), start: feb(3), clientN: 0,
    expected: { target: 3, serviceTime: "", ansStatus: "En curso" } },
  { label: "no start yet", cells: row({ release: feb(6) }), alliance: WEEKDAYS, start: 0, clientN: 0,
    expected: { target: 3, serviceTime: "", ansStatus: "" } },
];

/** A function's value, or null for the error it throws (Excel shows #VALUE!). */
function sheetValue(call: () => number | string): CellValue {
  try {
    return call();
  } catch {
    return null;
  }
}

describe("service level of a row", () => {
  it.each(CASES.map((c) => [c.label, c] as const))("%s: the values worked out by hand", (_label, c) => {
    expect(serviceLevelOfCells(c.cells, c.alliance, c.holidays ?? [], c.today ?? feb(20))).toEqual(c.expected);
  });

  it.each(CASES.map((c) => [c.label, c] as const))("%s: what the sheet's formulas get from the ADUANA functions", (_label, c) => {
    const saturday = c.alliance?.saturdayIsBusiness ?? false;
    const holidays = [[...(c.holidays ?? [])]];
    const noStart = c.cells.arrival === null && c.cells.documentsComplete === null;
    if (c.cells.release !== null && !noStart) {
      const elapsed = sheetValue(() => elapsedServiceTime(c.start, c.cells.release, "d", saturday, holidays));
      // MAX(0, elapsed − N(días cliente)): "" or an error minus a number is #VALUE!.
      const shown = typeof elapsed === "number" ? Math.max(0, elapsed - c.clientN) : null;
      expect(shown).toEqual(c.expected.serviceTime);
    } else {
      expect(c.expected.serviceTime).toBe("");
    }
    if (typeof c.expected.target === "number" && !noStart) {
      const status = sheetValue(() => serviceLevelStatus(c.start, c.cells.release, (c.expected.target as number) + c.clientN, c.today ?? feb(20), saturday, holidays));
      expect(status).toEqual(c.expected.ansStatus);
    } else {
      expect(c.expected.ansStatus).toBe("");
    }
  });
});

describe("service level of a record", () => {
  const alliance = (fields: ServiceLevelAlliance): AllianceRecord => ({
    row: 1, name: "A", nit: "", cities: [], contact: "", email: "", phone: "", contract: "", contractStart: null, contractEnd: null,
    status: "Activa", certifications: "", restrictiveListCheck: null, contractFile: "", ...fields,
  });
  it("counts a blank Meta as 0, as the sheet's Meta ANS shows", () => {
    const op = { type: "Importación" } as Parameters<typeof targetFor>[0];
    expect(targetFor(op, alliance(NO_META))).toBe(0);
    expect(targetFor(op, alliance(WEEKDAYS))).toBe(3);
    expect(targetFor(op, undefined)).toBeNull();
  });
});

/** A workbook of open DOs and NCs around one "today", for the Seguimiento tests (rows as arrays). */
import { ALLIANCE_HEADERS, EXTRA_HOLIDAY_HEADERS, NONCONFORMITY_HEADERS, OPERATION_HEADERS, SETTING_HEADERS } from "../../../src/domain/workbook/headers";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { buildSnapshot, serial } from "../../helpers/snapshot-builder";
import type { FixtureCell } from "../../helpers/snapshot-builder";

/** Friday 2026-03-20; Monday 23 is San José (moved), 2026-03-17 an extra holiday of tblFestivosExtra. */
export const TODAY = serial(2026, 3, 20);
export const EXTRA_HOLIDAY = serial(2026, 3, 17);

export interface OpenOperation {
  do: string;
  type: "Importación" | "Exportación";
  alliance: string;
  city: string;
  coordinator: string;
  arrival: number | null;
  documents: number | null;
  release?: number | null;
  clientDays?: number;
}

export interface NcRow {
  number: string;
  date: number;
  do?: string;
  alliance?: string;
  severity: string;
  rootCause?: string;
  action?: string;
  dueDate?: number | null;
  effective?: string;
  status: string;
}

/** Caribe: meta 3 (import) / 2 (export), Monday–Friday. Frontera: 4 / 3, Saturday worked. */
export const ALLIANCES = [
  { name: "Agencia Caribe SAS", importTarget: 3, exportTarget: 2, saturday: false },
  { name: "Frontera Logística", importTarget: 4, exportTarget: 3, saturday: true },
] as const;

function operationRow(op: OpenOperation): FixtureCell[] {
  const h = OPERATION_HEADERS;
  const cells: Record<string, FixtureCell> = {
    [h.do]: op.do,
    [h.type]: op.type,
    [h.client]: "Cliente SAS",
    [h.city]: op.city,
    [h.mode]: "Terrestre",
    [h.alliance]: op.alliance,
    [h.coordinator]: op.coordinator,
    [h.opened]: serial(2026, 3, 2),
    [h.arrival]: op.arrival,
    [h.documentsComplete]: op.documents,
    [h.release]: op.release ?? null,
    [h.clientDelayDays]: op.clientDays ?? null,
  };
  return Object.values(h).map((header) => cells[header] ?? null);
}

function ncRow(nc: NcRow): FixtureCell[] {
  const h = NONCONFORMITY_HEADERS;
  const cells: Record<string, FixtureCell> = {
    [h.number]: nc.number,
    [h.date]: nc.date,
    [h.type]: "No conformidad",
    [h.do]: nc.do ?? null,
    [h.alliance]: nc.alliance ?? null,
    [h.description]: "Descripción",
    [h.severity]: nc.severity,
    [h.rootCause]: nc.rootCause ?? null,
    [h.correctiveAction]: nc.action ?? null,
    [h.dueDate]: nc.dueDate ?? null,
    [h.effective]: nc.effective ?? null,
    [h.status]: nc.status,
  };
  return Object.values(h).map((header) => cells[header] ?? null);
}

export function followUpWorkbook(operations: OpenOperation[], ncs: NcRow[] = [], ncAnalysisDays?: number): WorkbookSnapshot {
  const a = ALLIANCE_HEADERS;
  const allianceRows: FixtureCell[][] = [
    Object.values(a),
    ...ALLIANCES.map((al) =>
      Object.values(a).map((header): FixtureCell => {
        if (header === a.alliance) return al.name;
        if (header === a.importTarget) return al.importTarget;
        if (header === a.exportTarget) return al.exportTarget;
        if (header === a.saturdayBusiness) return al.saturday ? "Sí" : "No";
        if (header === a.cities) return "Cartagena; Cúcuta";
        return null;
      }),
    ),
  ];
  const parameterTables = [
    { name: "tblFestivosExtra", at: "A1", rows: [Object.values(EXTRA_HOLIDAY_HEADERS), [EXTRA_HOLIDAY, "Día cívico"]] },
  ];
  if (ncAnalysisDays !== undefined) {
    parameterTables.push({ name: "tblParametros", at: "D1", rows: [Object.values(SETTING_HEADERS), ["Días hábiles para analizar NC", ncAnalysisDays]] });
  }
  return buildSnapshot([
    { name: "Operaciones", tables: [{ name: "tblOperaciones", at: "A1", rows: [Object.values(OPERATION_HEADERS), ...operations.map(operationRow)] }] },
    { name: "Alianzas", tables: [{ name: "tblAlianzas", at: "A1", rows: allianceRows }] },
    { name: "No Conformidades", tables: [{ name: "tblNoConformidades", at: "A1", rows: [Object.values(NONCONFORMITY_HEADERS), ...ncs.map(ncRow)] }] },
    { name: "Parámetros", tables: parameterTables },
  ]);
}

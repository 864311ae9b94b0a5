/** A year of DOs with every milestone and a register of NCs, for the Indicadores tests (rows as arrays). */
import { ALLIANCE_HEADERS, EXTRA_HOLIDAY_HEADERS, NONCONFORMITY_HEADERS, OPERATION_HEADERS } from "../../../src/domain/workbook/headers";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { buildSnapshot } from "../../helpers/snapshot-builder";
import type { FixtureCell } from "../../helpers/snapshot-builder";
import { seededRandom } from "../calendar/excel-oracle";
import { serial } from "../evaluation/independent-oracle";

export const YEAR = 2025;
/** Two extra holidays of tblFestivosExtra: a Tuesday and a Saturday. */
export const EXTRA_HOLIDAYS = [serial(2025, 4, 8), serial(2025, 8, 23)];

export const ALLIANCES = [
  { name: "Agencia Caribe SAS", importTarget: 3, exportTarget: 2, saturday: false, city: "Cartagena" },
  { name: "Frontera Logística", importTarget: 4, exportTarget: 3, saturday: true, city: "Cúcuta" },
  { name: "Pacífico Aduanas", importTarget: 5, exportTarget: 4, saturday: false, city: "Bogotá" },
] as const;

export interface Operation {
  do: string;
  type: "Importación" | "Exportación";
  alliance: string;
  city: string;
  opened: number;
  arrival: number | null;
  documents: number | null;
  declaration: number | null;
  release: number | null;
  delivery: number | null;
  invoiced: number | null;
  clientDays: number;
}

export interface Nonconformity {
  number: string;
  date: number;
  type: string;
  alliance: string;
  status: string;
  effective: string;
  closed: number | null;
}

/** `count` DOs opened through 2025 (and a few in 2024), each milestone a few calendar days and hours after the last. */
export function randomOperations(seed: number, count = 240): Operation[] {
  const random = seededRandom(seed);
  const step = (from: number, maxDays: number): number => Math.floor(from) + Math.floor(random() * maxDays) + Math.floor(random() * 10 + 8) / 24;
  return Array.from({ length: count }, (_, i) => {
    const alliance = ALLIANCES[i % 3]!;
    const opened = serial(i < 8 ? 2024 : 2025, 1, 1) + Math.floor(random() * 360);
    const documents = step(opened, 4);
    const arrival = random() < 0.8 ? step(opened, 6) : null;
    const start = Math.max(documents, arrival ?? 0);
    const declaration = random() < 0.9 ? step(start, 5) : null;
    const release = random() < 0.85 ? step(declaration ?? start, 6) : null;
    const delivery = release !== null && random() < 0.8 ? step(release, 5) : null;
    const invoiced = release !== null && random() < 0.7 ? step(release, 12) : null;
    return {
      do: `DO-${1000 + i}`,
      type: random() < 0.6 ? "Importación" : "Exportación",
      alliance: i % 17 === 5 ? alliance.name.toUpperCase() : alliance.name,
      city: i % 7 === 0 ? "Medellín" : alliance.city,
      opened,
      arrival,
      documents,
      declaration,
      release,
      delivery,
      invoiced,
      clientDays: random() < 0.2 ? 1 : 0,
    };
  });
}

const NC_TYPES = ["No conformidad", "Reclamo cliente", "Queja", "Incumplimiento ANS"];
const NC_STATUS = ["Abierta", "En análisis", "Cerrada", "Cerrada", "Anulada"];

export function randomNonconformities(seed: number, count = 60): Nonconformity[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const date = serial(i < 6 ? 2024 : 2025, 1, 1) + Math.floor(random() * 365);
    const status = NC_STATUS[Math.floor(random() * NC_STATUS.length)]!;
    const closedLater = status === "Cerrada" && random() < 0.8 ? date + Math.floor(random() * 120) : null;
    return {
      number: `NC-${i + 1}`,
      date,
      type: NC_TYPES[Math.floor(random() * NC_TYPES.length)]!,
      alliance: ALLIANCES[i % 3]!.name,
      status,
      effective: status === "Cerrada" ? (random() < 0.6 ? "Sí" : random() < 0.5 ? "No" : "Pendiente") : "",
      closed: closedLater,
    };
  });
}

function operationRow(op: Operation): FixtureCell[] {
  const h = OPERATION_HEADERS;
  const cells: Record<string, FixtureCell> = {
    [h.do]: op.do,
    [h.type]: op.type,
    [h.client]: "Cliente SAS",
    [h.city]: op.city,
    [h.mode]: "Terrestre",
    [h.alliance]: op.alliance,
    [h.opened]: op.opened,
    [h.arrival]: op.arrival,
    [h.documentsComplete]: op.documents,
    [h.declaration]: op.declaration,
    [h.release]: op.release,
    [h.delivery]: op.delivery,
    [h.invoiced]: op.invoiced,
    [h.clientDelayDays]: op.clientDays === 0 ? null : op.clientDays,
  };
  return Object.values(h).map((header) => cells[header] ?? null);
}

function ncRow(nc: Nonconformity): FixtureCell[] {
  const h = NONCONFORMITY_HEADERS;
  const cells: Record<string, FixtureCell> = {
    [h.number]: nc.number,
    [h.date]: nc.date,
    [h.type]: nc.type,
    [h.alliance]: nc.alliance,
    [h.description]: "Descripción",
    [h.severity]: "Menor",
    [h.closedDate]: nc.closed,
    [h.effective]: nc.effective === "" ? null : nc.effective,
    [h.status]: nc.status,
  };
  return Object.values(h).map((header) => cells[header] ?? null);
}

export function indicatorsWorkbook(operations: Operation[], ncs: Nonconformity[]): WorkbookSnapshot {
  const a = ALLIANCE_HEADERS;
  const allianceRows: FixtureCell[][] = [
    Object.values(a),
    ...ALLIANCES.map((al) =>
      Object.values(a).map((header): FixtureCell => {
        if (header === a.alliance) return al.name;
        if (header === a.importTarget) return al.importTarget;
        if (header === a.exportTarget) return al.exportTarget;
        if (header === a.saturdayBusiness) return al.saturday ? "Sí" : "No";
        if (header === a.cities) return `${al.city}; Medellín`;
        return null;
      }),
    ),
  ];
  return buildSnapshot([
    { name: "Operaciones", tables: [{ name: "tblOperaciones", at: "A1", rows: [Object.values(OPERATION_HEADERS), ...operations.map(operationRow)] }] },
    { name: "Alianzas", tables: [{ name: "tblAlianzas", at: "A1", rows: allianceRows }] },
    { name: "No Conformidades", tables: [{ name: "tblNoConformidades", at: "A1", rows: [Object.values(NONCONFORMITY_HEADERS), ...ncs.map(ncRow)] }] },
    {
      name: "Parámetros",
      tables: [{ name: "tblFestivosExtra", at: "A1", rows: [Object.values(EXTRA_HOLIDAY_HEADERS), ...EXTRA_HOLIDAYS.map((d) => [d, "Día cívico"])] }],
    },
  ]);
}

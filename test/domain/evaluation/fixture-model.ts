import { DEFAULT_PARAMETERS } from "../../../src/domain/workbook/model";
import type {
  AllianceRecord,
  NonconformityRecord,
  OperationRecord,
  WorkbookModel,
} from "../../../src/domain/workbook/model";
import { serial } from "./independent-oracle";

type Ymd = [number, number, number] | [number, number, number, number];
const s = (d: Ymd | null): number | null => (d === null ? null : serial(d[0], d[1], d[2], d[3] ?? 0));

export function alliance(name: string, fields: Partial<AllianceRecord> = {}): AllianceRecord {
  return {
    row: 0,
    name,
    nit: "900123456-8",
    cities: ["Cartagena"],
    contact: "",
    email: "",
    phone: "",
    contract: "C-1",
    contractStart: serial(2023, 1, 1),
    contractEnd: serial(2027, 12, 31),
    importTarget: 5,
    exportTarget: 3,
    saturdayIsBusiness: false,
    status: "Activo",
    certifications: "",
    restrictiveListCheck: null,
    contractFile: "",
    ...fields,
  };
}

export interface OperationSpec {
  do: string;
  type: string;
  alliance: string;
  opened: Ymd;
  arrival: Ymd | null;
  documents: Ymd | null;
  release: Ymd | null;
  delay?: number;
}

export function operation(spec: OperationSpec): OperationRecord {
  return {
    row: 0,
    do: spec.do,
    type: spec.type,
    client: "Cliente",
    clientNit: "",
    city: "Cartagena",
    mode: "Marítimo",
    alliance: spec.alliance,
    coordinator: "",
    opened: s(spec.opened),
    arrival: s(spec.arrival),
    documentsComplete: s(spec.documents),
    declaration: null,
    release: s(spec.release),
    delivery: null,
    invoiced: null,
    clientDelayDays: spec.delay ?? 0,
    nc: "",
    notes: "",
  };
}

export interface NonconformitySpec {
  number: string;
  date: Ymd;
  type: string;
  do?: string;
  alliance?: string;
  status: string;
  effective?: string;
}

export function nonconformity(spec: NonconformitySpec): NonconformityRecord {
  return {
    row: 0,
    number: spec.number,
    date: s(spec.date),
    type: spec.type,
    do: spec.do ?? "",
    alliance: spec.alliance ?? "",
    description: "Descripción",
    severity: "Menor",
    correction: "",
    rootCause: "",
    correctiveAction: "",
    owner: "",
    dueDate: null,
    closedDate: null,
    effective: spec.effective ?? "Pendiente",
    status: spec.status,
  };
}

export const CARIBE = "Aliado Caribe SAS";
export const FRONTERA = "Frontera Norte Ltda";
export const ANDES = "Andes Sur";
export const CAPITAL = "Capital Aduanas";

export const ALLIANCES: AllianceRecord[] = [
  alliance(CARIBE, { cities: ["Cartagena", "Barranquilla"], importTarget: 5, exportTarget: 3 }),
  alliance(FRONTERA, { cities: ["Cúcuta"], importTarget: 4, exportTarget: 2, saturdayIsBusiness: true, status: "Condicionado" }),
  alliance(ANDES, { cities: ["Ipiales"], importTarget: 6, exportTarget: null }),
  alliance(CAPITAL, { cities: ["Bogotá"] }),
];

/** A día cívico the user added to tblFestivosExtra. */
export const EXTRA_HOLIDAYS = [serial(2025, 3, 4)];

export const OPERATIONS: OperationSpec[] = [
  // Opened in 2024: not in the 2025 evaluation even though released in 2025.
  { do: "DO-1", type: "Importación", alliance: CARIBE, opened: [2024, 12, 20], arrival: [2024, 12, 23], documents: [2024, 12, 24], release: [2025, 1, 8] },
  // Over Reyes (6 Jan).
  { do: "DO-2", type: "Importación", alliance: CARIBE, opened: [2025, 1, 2], arrival: [2025, 1, 3, 10], documents: [2025, 1, 3, 15], release: [2025, 1, 10, 11] },
  // Over Jueves and Viernes Santo.
  { do: "DO-3", type: "Importación", alliance: CARIBE, opened: [2025, 4, 10], arrival: [2025, 4, 11], documents: [2025, 4, 14], release: [2025, 4, 23] },
  // Over San Pedro (30 Jun), one day charged to the client: 5 − 1 = 4 > 3.
  { do: "DO-4", type: "Exportación", alliance: CARIBE, opened: [2025, 6, 20], arrival: [2025, 6, 20], documents: [2025, 6, 24], release: [2025, 7, 2], delay: 1 },
  // Still open: not measured.
  { do: "DO-5", type: "Importación", alliance: CARIBE, opened: [2025, 11, 1], arrival: null, documents: [2025, 11, 4], release: null },
  // Over the extra holiday.
  { do: "DO-6", type: "Exportación", alliance: CARIBE, opened: [2025, 3, 1], arrival: [2025, 3, 3], documents: [2025, 3, 3], release: [2025, 3, 5] },
  // Over New Year into 2026.
  { do: "DO-7", type: "Importación", alliance: CARIBE, opened: [2025, 12, 29], arrival: [2025, 12, 30], documents: [2025, 12, 30], release: [2026, 1, 5] },
  // The alliance typed with other case and spaces.
  { do: "DO-15", type: "Importación", alliance: "  aliado CARIBE sas", opened: [2025, 7, 15], arrival: [2025, 7, 15], documents: [2025, 7, 16], release: [2025, 7, 18] },
  // Saturday is a business day for Frontera.
  { do: "DO-8", type: "Importación", alliance: FRONTERA, opened: [2025, 2, 3], arrival: [2025, 2, 5], documents: [2025, 2, 4], release: [2025, 2, 10] },
  { do: "DO-9", type: "Exportación", alliance: FRONTERA, opened: [2025, 8, 1], arrival: [2025, 8, 5], documents: [2025, 8, 5], release: [2025, 8, 8] },
  { do: "DO-10", type: "Importación", alliance: FRONTERA, opened: [2025, 10, 8], arrival: [2025, 10, 9], documents: [2025, 10, 9], release: [2025, 10, 20] },
  // Levante before the documents: not measurable.
  { do: "DO-11", type: "Importación", alliance: FRONTERA, opened: [2025, 5, 5], arrival: [2025, 5, 6], documents: [2025, 5, 7], release: [2025, 5, 6] },
  // Andes has no export target: measured, never on time.
  { do: "DO-12", type: "Exportación", alliance: ANDES, opened: [2025, 9, 1], arrival: [2025, 9, 2], documents: [2025, 9, 2], release: [2025, 9, 3] },
  { do: "DO-13", type: "Importación", alliance: ANDES, opened: [2025, 9, 10], arrival: [2025, 9, 11], documents: [2025, 9, 11], release: [2025, 9, 12] },
  // Capital's only DO is from 2024.
  { do: "DO-14", type: "Importación", alliance: CAPITAL, opened: [2024, 11, 5], arrival: [2024, 11, 6], documents: [2024, 11, 6], release: [2024, 11, 12] },
];

export const NONCONFORMITIES: NonconformitySpec[] = [
  { number: "NC-2025-001", date: [2025, 7, 3], type: "Incumplimiento ANS", do: "DO-4", alliance: CARIBE, status: "Cerrada", effective: "Sí" },
  // Linked only through its DO.
  { number: "NC-2025-002", date: [2025, 4, 25], type: "Reclamo cliente", do: "DO-3", status: "Cerrada", effective: "No" },
  { number: "NC-2025-003", date: [2025, 8, 1], type: "Queja", alliance: CARIBE, status: "Abierta" },
  { number: "NC-2025-004", date: [2025, 8, 2], type: "No conformidad", alliance: CARIBE, status: "Anulada" },
  { number: "NC-2024-010", date: [2024, 12, 15], type: "No conformidad", alliance: CARIBE, status: "Cerrada", effective: "Sí" },
  { number: "NC-2025-005", date: [2025, 10, 21], type: "Incumplimiento ANS", do: "DO-10", status: "Cerrada", effective: "Sí" },
  // Through a 2024 DO, dated 2025: counts for 2025.
  { number: "NC-2025-006", date: [2025, 1, 20], type: "Reclamo cliente", do: "DO-14", status: "En análisis" },
  { number: "NC-2025-007", date: [2025, 2, 1], type: "No conformidad", alliance: "Aliado desconocido", status: "Abierta" },
  // Its own Aliado wins over its DO's alliance.
  { number: "NC-2025-008", date: [2025, 3, 10], type: "Hallazgo auditoría", do: "DO-2", alliance: FRONTERA, status: "Cerrada", effective: "Sí" },
];

export function fixtureModel(overrides: Partial<WorkbookModel> = {}): WorkbookModel {
  return {
    operations: OPERATIONS.map(operation),
    alliances: ALLIANCES,
    nonconformities: NONCONFORMITIES.map(nonconformity),
    extraHolidays: EXTRA_HOLIDAYS,
    parameters: DEFAULT_PARAMETERS,
    ...overrides,
  };
}

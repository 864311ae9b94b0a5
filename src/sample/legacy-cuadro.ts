import { SampleMessages } from "./messages";
import { ymdFromSerial } from "../domain/calendar";
import type { CellWrite, Plan, PlanStep } from "../domain/workbook/plan";
import type { CellValue } from "../domain/workbook/snapshot";
import { SAMPLE_ALLIANCES, nitWithCheckDigit } from "./alliances";
import { addCoordinatorMistakes } from "./coordinator-mistakes";
import { generateOperationRows, type SampleOperation } from "./operations";

/** The coordinator's own headers (abbreviations, accents, other words), and one column of their own. */
const OPERATION_COLUMNS: readonly (readonly [string, keyof SampleOperation | "container"])[] = [
  ["No. DO", "do"],
  ["Tipo operación", "type"],
  ["Importador/Exportador", "client"],
  ["Nit cliente", "clientNit"],
  ["Aduana", "city"],
  ["Modo transporte", "mode"],
  ["Alianza", "alliance"],
  ["Coordinadora", "coordinator"],
  ["F. apertura", "opened"],
  ["F. llegada", "arrival"],
  ["F. docs completos", "documentsComplete"],
  ["Fecha DIM/SAE", "declaration"],
  ["F. levante", "release"],
  ["F. entrega", "delivery"],
  ["F. factura", "invoiced"],
  ["Días cliente", "clientDelayDays"],
  ["Contenedor / guía", "container"],
  ["NC", "nc"],
  ["Obs.", "notes"],
];

const DATE_KEYS = new Set(["opened", "invoiced"]);
const DATE_TIME_KEYS = new Set(["arrival", "documentsComplete", "declaration", "release", "delivery"]);
const TITLE_ROWS = 3;

function containerOf(op: SampleOperation, index: number): string {
  if (op.mode === "Aéreo") return `AWB 729-${String(41_000_000 + index * 37).slice(0, 8)}`;
  if (op.mode === "Marítimo") return `MSKU${String(5_100_000 + index * 53).slice(0, 7)}`;
  return `Placa ${["SXK", "TTR", "WNM", "UFO"][index % 4]}-${String(100 + (index % 900)).padStart(3, "0")}`;
}

function writes(rows: CellValue[][], firstRow: number): CellWrite[] {
  return rows.flatMap((row, r) =>
    row.flatMap((value, col) => (value === null || value === "" ? [] : [{ row: firstRow + r, col, value, expected: null }])),
  );
}

/**
 * The cuadro "as the coordinator had it", to show Preparar at work: a plain range under title rows with
 * hand-written headers, blank rows between months, an extra column of their own and the usual mistakes,
 * plus the partners on a sheet of their own. `count` DOs from the same generator as planSampleData.
 */
export function planLegacyCuadro(options: { today: number; seed: number; count?: number }): Plan {
  const operations = generateOperationRows(options.count ?? 400, options.seed, { today: options.today });
  addCoordinatorMistakes(operations);
  const header = OPERATION_COLUMNS.map(([title]) => title);
  const body: CellValue[][] = [];
  let previousMonth = "";
  operations.forEach((op, index) => {
    const opened = typeof op.opened === "number" ? ymdFromSerial(op.opened) : null;
    const month = opened ? `${opened.year}-${opened.month}` : previousMonth;
    // A blank row between months, as many coordinators leave them.
    if (previousMonth !== "" && month !== previousMonth) body.push(header.map(() => null));
    previousMonth = month;
    body.push(OPERATION_COLUMNS.map(([, key]) => (key === "container" ? containerOf(op, index) : (op[key] as CellValue))));
  });
  const titles: CellWrite[] = [
    { row: 0, col: 0, value: "CUADRO DE CONTROL DE PROCESOS — OPERACIONES CON ALIANZAS", expected: null },
    { row: 1, col: 0, value: "Departamentos de Importaciones y Exportaciones · Cali", expected: null },
  ];
  const sheet = "Cuadro de control";
  const firstData = TITLE_ROWS + 1;
  const steps: PlanStep[] = [
    { kind: "addSheet", sheet },
    { kind: "writeCells", sheet, cells: [...titles, ...writes([header], TITLE_ROWS), ...writes(body, firstData)] },
  ];
  OPERATION_COLUMNS.forEach(([, key], col) => {
    const format = DATE_KEYS.has(key) ? "d/mm/yyyy" : DATE_TIME_KEYS.has(key) ? "d/mm/yyyy h:mm" : null;
    if (format) steps.push({ kind: "numberFormat", sheet, area: { row: firstData, col, rowCount: body.length, colCount: 1 }, format });
    steps.push({ kind: "columnWidth", sheet, col, width: format ? 15 : 18 });
  });

  const partnerHeader = ["Alianza", "NIT aliado", "Ciudad", "Persona contacto", "Correo", "Tel.", "Contrato", "Inicio", "Vencimiento", "Meta imp", "Meta exp", "Sábados", "Estado alianza", "Certificación"];
  const partners: CellValue[][] = SAMPLE_ALLIANCES.map((a) => [
    a.name,
    nitWithCheckDigit(a.nitBase),
    a.city,
    a.contact,
    a.email,
    a.phone,
    a.contract,
    options.today + a.contractStartOffset,
    options.today + a.contractEndOffset,
    a.importTarget,
    a.exportTarget,
    a.saturdayIsBusiness ? "Sí" : "No",
    a.status,
    a.certifications,
  ]);
  const partnerSheet = "Aliados";
  steps.push(
    { kind: "addSheet", sheet: partnerSheet },
    { kind: "writeCells", sheet: partnerSheet, cells: writes([partnerHeader, ...partners], 0) },
    { kind: "numberFormat", sheet: partnerSheet, area: { row: 1, col: 7, rowCount: partners.length, colCount: 2 }, format: "d/mm/yyyy" },
  );
  partnerHeader.forEach((_, col) => steps.push({ kind: "columnWidth", sheet: partnerSheet, col, width: col === 0 ? 44 : 16 }));
  return { steps, notes: [SampleMessages.legacyCuadro(operations.length, sheet, partners.length)] };
}

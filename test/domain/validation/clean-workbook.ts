/** A small prepared workbook whose data breaks no rule; each rule test changes one cell of it. */
import {
  ALLIANCE_HEADERS,
  EXTRA_HOLIDAY_HEADERS,
  NONCONFORMITY_HEADERS,
  OPERATION_HEADERS,
  WEIGHT_HEADERS,
} from "../../../src/domain/workbook/headers";
import type { WorkbookSnapshot } from "../../../src/domain/workbook/snapshot";
import { buildSnapshot, parseA1, serial } from "../../helpers/snapshot-builder";
import type { FixtureCell } from "../../helpers/snapshot-builder";

export const TODAY = serial(2026, 3, 20);

const operationRows = (): FixtureCell[][] => [
  Object.values(OPERATION_HEADERS),
  [
    "DO-1001", "Importación", "Textiles Andinos SAS", "899999068-1", "Cartagena", "Marítimo", "Agencia Caribe SAS", "Laura",
    serial(2026, 3, 2), serial(2026, 3, 3, 9), serial(2026, 3, 4, 10), serial(2026, 3, 5, 8), serial(2026, 3, 6, 15),
    serial(2026, 3, 7, 10), serial(2026, 3, 9), 0, { formula: "=x", value: 3 }, { formula: "=x", value: 2 }, { formula: "=x", value: "Cumple" }, null, "sin novedad",
  ],
  [
    "DO-1002", "Exportación", "Café del Valle SA", null, "Cúcuta", "Terrestre", "Frontera Logística", "Andrés",
    // Documents on Thursday 19/03: one business day of a meta of 3 by today, so En curso (not do-vencido).
    serial(2026, 3, 10), null, serial(2026, 3, 19, 8), null, null,
    null, null, null, { formula: "=x", value: 2 }, { formula: "=x", value: "" }, { formula: "=x", value: "En curso" }, "NC-2026-001", null,
  ],
  [],
  [
    "DO-1003", "Importación", "Flores de Ipiales", "800197268-4", "Ipiales", "Terrestre", "Frontera Logística", "Andrés",
    serial(2026, 2, 2), serial(2026, 2, 3, 9), serial(2026, 2, 3, 11), serial(2026, 2, 4, 9), serial(2026, 2, 6, 16),
    serial(2026, 2, 7, 9), serial(2026, 2, 9), 1, { formula: "=x", value: 4 }, { formula: "=x", value: 2 }, { formula: "=x", value: "Cumple" }, null, null,
  ],
];

const allianceRows = (): FixtureCell[][] => [
  Object.values(ALLIANCE_HEADERS),
  [
    "Agencia Caribe SAS", "800197268-4", "Cartagena; Barranquilla", "Marta Díaz", "operaciones@caribe.com.co", "3001234567",
    "C-2025-01", serial(2025, 1, 1), serial(2027, 12, 31), 3, 2, "No", "Activo", "BASC, OEA", serial(2026, 1, 15), "https://x/contrato.pdf",
  ],
  [
    "Frontera Logística", "890903938-8", "Cúcuta; Ipiales; Maicao", "Jorge Pérez", "jperez@frontera.co", "3109876543",
    "C-2025-02", serial(2025, 6, 1), serial(2027, 5, 31), 4, 3, "Sí", "Activo", "ISO 9001", serial(2025, 9, 1), null,
  ],
];

const nonconformityRows = (): FixtureCell[][] => [
  Object.values(NONCONFORMITY_HEADERS),
  [
    "NC-2026-001", serial(2026, 3, 12), "Queja", "DO-1002", "Frontera Logística", "El cliente no recibió el aviso de llegada", "Menor",
    "Se envió el aviso", "Falta de seguimiento", "Lista de chequeo", "Andrés", serial(2026, 3, 30), null, "Pendiente", "Abierta",
  ],
];

const holidayRows = (): FixtureCell[][] => [Object.values(EXTRA_HOLIDAY_HEADERS), [serial(2026, 4, 20), "Día cívico"]];

/** The evaluation weights, 35 + 25 + 15 + 15 + 10 = 100 %. */
const weightRows = (): FixtureCell[][] => [
  Object.values(WEIGHT_HEADERS),
  ["C1 Oportunidad (ANS)", 0.35],
  ["C2 Calidad", 0.25],
  ["C3 Gestión de NC", 0.15],
  ["C4 Comunicación y trazabilidad", 0.15],
  ["C5 Cumplimiento legal y seguridad", 0.1],
];

/** Parámetros holds tblFestivosExtra in A:B and tblPesosEvaluacion in D:E. */
const WEIGHTS_FIRST_COL = 3;

export type CellPatch = { sheet: "Operaciones" | "Alianzas" | "No Conformidades" | "Parámetros"; cell: string; value: FixtureCell };

function patch(rows: FixtureCell[][], cell: string, value: FixtureCell, firstCol = 0): void {
  const { row, col: sheetCol } = parseA1(cell);
  const col = sheetCol - firstCol;
  while (rows.length <= row) rows.push([]);
  const target = rows[row] ?? [];
  while (target.length <= col) target.push(null);
  target[col] = value;
  rows[row] = target;
}

/** The clean workbook with some cells changed. */
export function cleanWorkbook(patches: CellPatch[] = []): WorkbookSnapshot {
  const rows = { Operaciones: operationRows(), Alianzas: allianceRows(), "No Conformidades": nonconformityRows() };
  const holidays = holidayRows();
  const weights = weightRows();
  for (const p of patches) {
    if (p.sheet !== "Parámetros") patch(rows[p.sheet], p.cell, p.value);
    else if (parseA1(p.cell).col >= WEIGHTS_FIRST_COL) patch(weights, p.cell, p.value, WEIGHTS_FIRST_COL);
    else patch(holidays, p.cell, p.value);
  }
  return buildSnapshot([
    { name: "Operaciones", tables: [{ name: "tblOperaciones", at: "A1", rows: rows.Operaciones }], frozenRows: 1 },
    { name: "Alianzas", tables: [{ name: "tblAlianzas", at: "A1", rows: rows.Alianzas }] },
    { name: "No Conformidades", tables: [{ name: "tblNoConformidades", at: "A1", rows: rows["No Conformidades"] }] },
    {
      name: "Parámetros",
      tables: [
        { name: "tblFestivosExtra", at: "A1", rows: holidays },
        { name: "tblPesosEvaluacion", at: "D1", rows: weights },
      ],
    },
  ]);
}

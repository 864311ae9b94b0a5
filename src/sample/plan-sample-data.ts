import { extraHolidays } from "./holidays";
import { SampleMessages } from "./messages";
import { headerKey } from "../domain/workbook/header-key";
import { ALLIANCE_HEADERS, EXTRA_HOLIDAY_HEADERS, NONCONFORMITY_HEADERS, OPERATION_HEADERS, TABLES } from "../domain/workbook/headers";
import type { AppendTableRowsStep, Plan } from "../domain/workbook/plan";
import { planTableAppend, type AppendedCell } from "../domain/workbook/table-append";
import { cellFormula, cellValue } from "../domain/workbook/sheet-cells";
import type { CellValue, WorkbookSnapshot } from "../domain/workbook/snapshot";
import { findTable } from "../domain/workbook/table-location";
import type { TableOnSheet } from "../domain/workbook/table-location";
import { SAMPLE_ALLIANCES, nitWithCheckDigit } from "./alliances";
import { addCoordinatorMistakes } from "./coordinator-mistakes";
import { generateNonconformities } from "./nonconformities";
import { operationResults } from "./operation-results";
import { generateOperationRows } from "./operations";

export interface SampleDataOptions {
  /** Serial of today: the sample covers 1 January of last year up to yesterday. */
  today: number;
  /** Same seed, same workbook. */
  seed: number;
  /** DOs to generate (default 900: two years of a busy department). */
  operationCount?: number;
}

type AppendRow = AppendedCell[];
type AppendCell = AppendedCell;

const locate = (snapshot: WorkbookSnapshot, name: string): TableOnSheet | null => findTable(snapshot, name) ?? null;

/** True when no data row of the table holds a typed value (formula cells do not count). */
function isEmptyTable({ sheet, table }: TableOnSheet): boolean {
  for (let row = table.area.row + 1; row < table.area.row + table.area.rowCount; row++) {
    for (let col = table.area.col; col < table.area.col + table.area.colCount; col++) {
      const value = cellValue(sheet, row, col);
      if (cellFormula(sheet, row, col) === null && value !== null && value !== "") return false;
    }
  }
  return true;
}

/**
 * Rows in the table's own column order: each column found by its header (any spelling), calculated
 * columns carry their formula (read from the table) with the value it computes, unknown columns stay empty.
 */
function tableRows<T>(
  located: TableOnSheet,
  headers: Readonly<Record<string, string>>,
  records: readonly T[],
  valueOf: (record: T, key: string, index: number) => CellValue,
): AppendRow[] {
  const keyByHeader = new Map(Object.entries(headers).map(([key, header]) => [headerKey(header), key]));
  const firstDataRow = located.table.area.row + 1;
  const columns = located.table.columns.map((column, i) => {
    const formula = cellFormula(located.sheet, firstDataRow, located.table.area.col + i);
    return { key: keyByHeader.get(headerKey(column.header)), formula: typeof formula === "string" ? formula : null };
  });
  return records.map((record, index) =>
    columns.map(({ key, formula }): AppendCell => {
      const value = key === undefined ? null : valueOf(record, key, index);
      return formula === null ? value : { formula, result: value ?? undefined };
    }),
  );
}

/** The rows placed in the table; the address of a cell under the table that would be overwritten, instead. */
function appendStep(located: TableOnSheet, rows: AppendRow[]): AppendTableRowsStep | string {
  const placed = planTableAppend({ sheet: located.sheet, table: located.table.name, area: located.table.area, rows });
  return placed.step ?? placed.blocker;
}

/**
 * "Cargar datos de ejemplo": fills a prepared, still empty workbook with the seven alliances, two years of
 * DOs (with the usual coordinator mistakes), a dozen non-conformities and two extra holidays, appended to
 * tblAlianzas, tblOperaciones, tblNoConformidades and tblFestivosExtra. Deterministic for a seed and a day.
 * A workbook that already holds operations, or is not prepared, gets an empty plan and a note saying why.
 */
export function planSampleData(snapshot: WorkbookSnapshot, options: SampleDataOptions): Plan {
  const operationsTable = locate(snapshot, TABLES.operations);
  const alliancesTable = locate(snapshot, TABLES.alliances);
  const nonconformitiesTable = locate(snapshot, TABLES.nonconformities);
  const holidaysTable = locate(snapshot, TABLES.extraHolidays);
  if (!operationsTable || !alliancesTable || !nonconformitiesTable) {
    return { steps: [], notes: [SampleMessages.notPrepared] };
  }
  if (![operationsTable, alliancesTable, nonconformitiesTable].every(isEmptyTable)) {
    return { steps: [], notes: [SampleMessages.notEmpty] };
  }
  const { today, seed } = options;
  const holidays = extraHolidays(today);
  const holidaySerials = holidays.map((holiday) => holiday.date);
  const operations = generateOperationRows(options.operationCount ?? 900, seed, { today, extraHolidays: holidaySerials });
  const mistakes = addCoordinatorMistakes(operations);
  const results = operations.map((op) => operationResults(op, holidaySerials, today));
  const nonconformities = generateNonconformities(operations, results, seed, today);

  const alliances = SAMPLE_ALLIANCES.map((alliance) => ({
    alliance: alliance.name,
    nit: nitWithCheckDigit(alliance.nitBase),
    cities: alliance.city,
    contact: alliance.contact,
    email: alliance.email,
    phone: alliance.phone,
    contract: alliance.contract,
    contractStart: today + alliance.contractStartOffset,
    contractEnd: today + alliance.contractEndOffset,
    importTarget: alliance.importTarget,
    exportTarget: alliance.exportTarget,
    saturdayBusiness: alliance.saturdayIsBusiness ? "Sí" : "No",
    status: alliance.status,
    certifications: alliance.certifications,
    restrictiveListCheck: today + alliance.restrictiveListOffset,
    contractFile: `Contratos/${alliance.contract}.pdf`,
  }));

  const placed: (AppendTableRowsStep | string)[] = [
    appendStep(alliancesTable, tableRows(alliancesTable, ALLIANCE_HEADERS, alliances, (record, key) => (record as Record<string, CellValue>)[key] ?? null)),
    appendStep(
      operationsTable,
      tableRows(operationsTable, OPERATION_HEADERS, operations, (record, key, index) => {
        const result = results[index];
        if (result && (key === "target" || key === "serviceTime" || key === "ansStatus")) return result[key];
        const value = (record as unknown as Record<string, CellValue>)[key];
        return value === "" ? null : (value ?? null);
      }),
    ),
    appendStep(
      nonconformitiesTable,
      tableRows(nonconformitiesTable, NONCONFORMITY_HEADERS, nonconformities, (record, key) => {
        const value = (record as unknown as Record<string, CellValue>)[key];
        return value === "" ? null : (value ?? null);
      }),
    ),
  ];
  if (holidaysTable && isEmptyTable(holidaysTable)) {
    placed.push(appendStep(holidaysTable, tableRows(holidaysTable, EXTRA_HOLIDAY_HEADERS, holidays, (record, key) => (key === "date" ? record.date : record.reason))));
  }
  const blocker = placed.find((p): p is string => typeof p === "string");
  if (blocker !== undefined) {
    return { steps: [], notes: [SampleMessages.blocked(blocker)] };
  }
  const steps = placed.filter((p): p is AppendTableRowsStep => typeof p !== "string");
  return {
    steps,
    notes: [
      SampleMessages.loaded(alliances.length, operations.length, nonconformities.length, holidays.length),
      SampleMessages.plantedMistakes(mistakes),
    ],
  };
}

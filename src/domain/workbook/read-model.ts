import { readExtraHolidayCells } from "../calendar";
import { ALLIANCE_CITIES, LISTS, OWN_OFFICE_CITIES, SETTING_NAMES } from "./headers";
import { canonicalListValue, excelTextKey, readDate, readNumber, readText, readTypedText } from "./cell-reading";
import { DEFAULT_PARAMETERS } from "./model";
import type {
  AllianceRecord,
  NonconformityRecord,
  OperationRecord,
  WorkbookModel,
  WorkbookParameters,
} from "./model";
import type { CellValue, WorkbookSnapshot } from "./snapshot";
import { readEvaluationWeights, readRatingBandMinimums } from "./evaluation-parameters";
import { cellValue } from "./sheet-cells";
import { columnOf, locateTables } from "./table-location";
import type { LocatedTable } from "./table-location";

const KNOWN_CITIES: readonly string[] = [...ALLIANCE_CITIES.map((c) => c.city), ...OWN_OFFICE_CITIES];

/** A data row of a located table: its sheet row and a reader of its cells by column key. */
export interface TableRow {
  readonly row: number;
  /** The row's values, indexed like the sheet's values (use `offsets` to find a column). */
  readonly values: readonly CellValue[];
  /** Value of the row's cell in that SPEC column (null when the table lacks the column). */
  get(key: string): CellValue;
}

/** Index in a sheet's values row of each SPEC column of a located table (-1 when the table lacks it). */
export function columnOffsets(located: LocatedTable): Readonly<Record<string, number>> {
  const offsets: Record<string, number> = {};
  for (const spec of located.schema.columns) {
    const index = located.match.indexOf.get(spec.key);
    offsets[spec.key] = index === undefined ? -1 : located.firstCol + index - located.sheet.area.col;
  }
  return offsets;
}

/**
 * A reader of a located table's rows by sheet row (a record's `row`). Column positions are resolved once,
 * so reading a cell is one array lookup.
 */
export function tableRowReader(located: LocatedTable): (row: number) => TableRow {
  const { sheet } = located;
  const offsets = columnOffsets(located);
  return (row) => {
    const values: readonly CellValue[] = sheet.values[row - sheet.area.row] ?? [];
    return {
      row,
      values,
      get(key: string): CellValue {
        const offset = offsets[key] ?? -1;
        return offset < 0 ? null : (values[offset] ?? null);
      },
    };
  };
}

/** Calls `visit` for every data row that is not blank (cells holding only formulas do not count). */
export function forEachDataRow(located: LocatedTable, visit: (row: TableRow) => void): void {
  const { sheet, headerRow, firstCol, colCount, dataRowCount } = located;
  const rowAt = tableRowReader(located);
  const startCol = firstCol - sheet.area.col;
  for (let row = headerRow + 1; row <= headerRow + dataRowCount; row++) {
    const index = row - sheet.area.row;
    const rowValues = sheet.values[index];
    if (!rowValues) continue;
    const rowFormulas = sheet.formulas[index];
    let blank = true;
    for (let c = startCol; c < startCol + colCount; c++) {
      const value = rowValues[c] ?? null;
      if (value === null || rowFormulas?.[c]) continue;
      if (typeof value !== "string" || value.trim() !== "") {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    visit(rowAt(row));
  }
}

/** Every data row of a located table, blank ones included (as INDEX counts them), with a reader by column key. */
export function allDataRows(located: LocatedTable): { row: number; get(key: string): CellValue }[] {
  const rows: { row: number; get(key: string): CellValue }[] = [];
  for (let row = located.headerRow + 1; row <= located.headerRow + located.dataRowCount; row++) {
    rows.push({
      row,
      get: (key) => {
        const col = columnOf(located, key);
        return col === undefined ? null : cellValue(located.sheet, row, col);
      },
    });
  }
  return rows;
}

function readOperations(located: LocatedTable | null): OperationRecord[] {
  const records: OperationRecord[] = [];
  if (!located) return records;
  const o = columnOffsets(located) as Readonly<Record<keyof OperationRecord, number>>;
  forEachDataRow(located, ({ row, values: v }) => {
    records.push({
      row,
      do: readText(v[o.do]),
      // As typed: the Meta ANS formula compares [@Tipo]="Importación", so "Importación " gets no Meta in the sheet either.
      type: canonicalListValue(readTypedText(v[o.type]), LISTS.operationType),
      client: readText(v[o.client]),
      clientNit: readText(v[o.clientNit]),
      city: canonicalListValue(readText(v[o.city]), KNOWN_CITIES),
      mode: canonicalListValue(readText(v[o.mode]), LISTS.mode),
      alliance: readTypedText(v[o.alliance]),
      coordinator: readText(v[o.coordinator]),
      opened: readDate(v[o.opened]),
      arrival: readDate(v[o.arrival]),
      documentsComplete: readDate(v[o.documentsComplete]),
      declaration: readDate(v[o.declaration]),
      release: readDate(v[o.release]),
      delivery: readDate(v[o.delivery]),
      invoiced: readDate(v[o.invoiced]),
      // N() in the Tiempo servicio formula counts text as 0, so the model does too.
      clientDelayDays: readNumber(v[o.clientDelayDays]) ?? 0,
      nc: readText(v[o.nc]),
      notes: readText(v[o.notes]),
    });
  });
  return records;
}

/** Cities of an alliance's "Ciudades" cell: separated by ";" (or "," / "/"), trimmed. */
export function splitCities(text: string): string[] {
  return text
    .split(/[;,/\n]/)
    .map((city) => city.trim())
    .filter((city) => city !== "")
    .map((city) => canonicalListValue(city, KNOWN_CITIES));
}

/** "Sí" as the formulas compare it (="Sí" is case-insensitive). */
export function isYes(value: CellValue): boolean {
  return typeof value === "string" && excelTextKey(value) === "sí";
}

function readAlliances(located: LocatedTable | null): AllianceRecord[] {
  const records: AllianceRecord[] = [];
  if (!located) return records;
  forEachDataRow(located, (r) => {
    records.push({
      row: r.row,
      name: readTypedText(r.get("alliance")),
      nit: readText(r.get("nit")),
      cities: splitCities(readText(r.get("cities"))),
      contact: readText(r.get("contact")),
      email: readText(r.get("email")),
      phone: readText(r.get("phone")),
      contract: readText(r.get("contract")),
      contractStart: readDate(r.get("contractStart")),
      contractEnd: readDate(r.get("contractEnd")),
      importTarget: readNumber(r.get("importTarget")),
      exportTarget: readNumber(r.get("exportTarget")),
      saturdayIsBusiness: isYes(r.get("saturdayBusiness")),
      status: canonicalListValue(readText(r.get("status")), LISTS.allianceStatus),
      certifications: readText(r.get("certifications")),
      restrictiveListCheck: readDate(r.get("restrictiveListCheck")),
      contractFile: readText(r.get("contractFile")),
    });
  });
  return records;
}

function readNonconformities(located: LocatedTable | null): NonconformityRecord[] {
  const records: NonconformityRecord[] = [];
  if (!located) return records;
  forEachDataRow(located, (r) => {
    records.push({
      row: r.row,
      number: readText(r.get("number")),
      date: readDate(r.get("date")),
      type: canonicalListValue(readText(r.get("type")), LISTS.nonconformityType),
      do: readText(r.get("do")),
      alliance: readTypedText(r.get("alliance")),
      description: readText(r.get("description")),
      severity: canonicalListValue(readText(r.get("severity")), LISTS.severity),
      correction: readText(r.get("correction")),
      rootCause: readText(r.get("rootCause")),
      correctiveAction: readText(r.get("correctiveAction")),
      owner: readText(r.get("owner")),
      dueDate: readDate(r.get("dueDate")),
      closedDate: readDate(r.get("closedDate")),
      effective: canonicalListValue(readText(r.get("effective")), LISTS.effective),
      status: canonicalListValue(readText(r.get("status")), LISTS.nonconformityStatus),
    });
  });
  return records;
}

/** tblFestivosExtra[Fecha] as the ADUANA functions read it: its days, and whether it holds a value that is not a date. */
function readExtraHolidays(located: LocatedTable | null): { dates: number[]; invalid: boolean } {
  const cells: CellValue[] = [];
  if (located) forEachDataRow(located, (r) => cells.push(r.get("date")));
  const reading = readExtraHolidayCells(cells);
  if (reading.usable) return { dates: reading.dates, invalid: false };
  const dates = cells.filter((cell): cell is number => typeof cell === "number" && Number.isFinite(cell) && cell > 0).map(Math.floor);
  return { dates, invalid: true };
}

function readParameters(tables: ReturnType<typeof locateTables>): WorkbookParameters {
  let weights = { ...DEFAULT_PARAMETERS.weights };
  let bands = { ...DEFAULT_PARAMETERS.bands };
  let workStartHour = DEFAULT_PARAMETERS.workStartHour;
  let workEndHour = DEFAULT_PARAMETERS.workEndHour;
  let ncAnalysisDays = DEFAULT_PARAMETERS.ncAnalysisDays;
  if (tables.weights) {
    const reading = readEvaluationWeights(allDataRows(tables.weights).map((r) => ({ criterion: r.get("criterion"), weight: r.get("weight") })));
    if (reading.kind === "read") weights = { ...reading.values };
  }
  if (tables.ratingBands) {
    const reading = readRatingBandMinimums(allDataRows(tables.ratingBands).map((r) => ({ rating: r.get("rating"), minimum: r.get("minimum") })));
    if (reading) bands = { ...reading.bands };
  }
  if (tables.settings) {
    forEachDataRow(tables.settings, (r) => {
      const name = excelTextKey(readText(r.get("name")));
      const value = readNumber(r.get("value"));
      if (value === null) return;
      if (name === excelTextKey(SETTING_NAMES.workStart)) workStartHour = value;
      else if (name === excelTextKey(SETTING_NAMES.workEnd)) workEndHour = value;
      else if (name === excelTextKey(SETTING_NAMES.ncAnalysisDays) && value >= 0) ncAnalysisDays = Math.trunc(value);
    });
  }
  return { weights, bands, workStartHour, workEndHour, ncAnalysisDays };
}

const models = new WeakMap<WorkbookSnapshot, WorkbookModel>();

/**
 * The workbook's tables as typed records: SPEC tables found by table name first, else recognised plain
 * ranges; fully blank rows skipped; dates that are text or out of range read as null. Memoised per snapshot.
 */
export function readWorkbookModel(snapshot: WorkbookSnapshot): WorkbookModel {
  const cached = models.get(snapshot);
  if (cached) return cached;
  const tables = locateTables(snapshot);
  const holidays = readExtraHolidays(tables.extraHolidays);
  const model: WorkbookModel = {
    operations: readOperations(tables.operations),
    alliances: readAlliances(tables.alliances),
    nonconformities: readNonconformities(tables.nonconformities),
    extraHolidays: holidays.dates,
    ...(holidays.invalid ? { extraHolidaysInvalid: true } : {}),
    parameters: readParameters(tables),
  };
  models.set(snapshot, model);
  return model;
}

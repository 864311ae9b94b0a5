import { ymdFromSerial } from "../calendar";
import { excelTextKey, readText } from "./cell-reading";
import { NONCONFORMITY_HEADERS, OPERATION_HEADERS, TABLES } from "./headers";
import type { WorkbookModel } from "./model";
import type { Plan } from "./plan";
import { readWorkbookModel } from "./read-model";
import { findOperation } from "./operation-lookup";
import { cellValue, isBlank } from "./sheet-cells";
import type { CellValue, WorkbookSnapshot } from "./snapshot";
import { columnOf, locateTables } from "./table-location";
import { planTableAppend } from "./table-append";
import { WorkbookMessages } from "./messages";

const NUMBER_PATTERN = /^NC-(\d{4})-(\d+)$/i;

/** What a coordinator types to register a non-conformity (dates as serials). */
export interface NonconformityInput {
  readonly date: number;
  readonly type: string;
  /** The DO it concerns, if any: its alliance is filled in and its NC cell linked. */
  readonly do?: string;
  /** Used when there is no DO (or the DO has no alliance). */
  readonly alliance?: string;
  readonly description: string;
  readonly severity: string;
  readonly correction?: string;
  readonly rootCause?: string;
  readonly correctiveAction?: string;
  readonly owner?: string;
  readonly dueDate?: number | null;
}

/** A non-conformity that cannot be registered; the message says what to do. */
export class NonconformityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NonconformityInputError";
  }
}

/**
 * The next free Nº of a year: one more than the highest NC-AAAA-NNN of that year.
 * @example nextNonconformityNumber(model, 2026) // "NC-2026-007" after NC-2026-006
 */
export function nextNonconformityNumber(model: WorkbookModel, year: number): string {
  let highest = 0;
  for (const nc of model.nonconformities) {
    const match = NUMBER_PATTERN.exec(nc.number);
    if (match && Number(match[1]) === year) highest = Math.max(highest, Number(match[2]));
  }
  return `NC-${year}-${String(highest + 1).padStart(3, "0")}`;
}

/**
 * Appends a non-conformity to tblNoConformidades (Nº assigned, Estado "Abierta", Eficaz "Pendiente",
 * Aliado from the DO) and writes its Nº into the DO's NC cell when that cell is empty. A different NC
 * already linked to the DO is kept and reported in the notes. Throws NonconformityInputError when the
 * table is missing or the description is empty.
 */
export function planAppendNonconformity(snapshot: WorkbookSnapshot, input: NonconformityInput, options: { today: number }): Plan {
  return planNonconformityEntry(snapshot, input, options).plan;
}

/** The plan of {@link planAppendNonconformity} and the number it gives the new NC, computed once. */
export function planNonconformityEntry(
  snapshot: WorkbookSnapshot,
  input: NonconformityInput,
  _options: { today: number },
): { plan: Plan; number: string } {
  const tables = locateTables(snapshot);
  const register = tables.nonconformities;
  if (!register?.table) {
    throw new NonconformityInputError(WorkbookMessages.ncTableMissing(TABLES.nonconformities));
  }
  if (input.description.trim() === "") {
    throw new NonconformityInputError(WorkbookMessages.ncDescriptionRequired);
  }
  const model = readWorkbookModel(snapshot);
  const number = nextNonconformityNumber(model, ymdFromSerial(input.date).year);
  const typedDo = (input.do ?? "").trim();
  const operation = findOperation(model.operations, typedDo);
  const alliance = operation?.alliance || (input.alliance ?? "").trim();

  const values: Record<string, CellValue> = {
    number,
    date: input.date,
    type: input.type,
    do: (input.do ?? "").trim() || null,
    alliance: alliance || null,
    description: input.description.trim(),
    severity: input.severity || null,
    correction: input.correction?.trim() || null,
    rootCause: input.rootCause?.trim() || null,
    correctiveAction: input.correctiveAction?.trim() || null,
    owner: input.owner?.trim() || null,
    dueDate: input.dueDate ?? null,
    closedDate: null,
    effective: "Pendiente",
    status: "Abierta",
  };
  const row = register.match.specAt.map((spec) => (spec ? (values[spec.key] ?? null) : null));
  const placed = planTableAppend({ sheet: register.sheet, table: register.table.name, area: register.table.area, rows: [row] });
  if (!placed.step) {
    throw new NonconformityInputError(WorkbookMessages.ncNotRegistered(placed.blocker ?? "", register.table.name));
  }
  const plan: Plan = {
    steps: [placed.step],
    notes: [WorkbookMessages.ncRegistered(number, operation?.do)],
  };
  if (typedDo !== "" && !operation) {
    plan.notes.push(WorkbookMessages.ncDoUnknown(typedDo, TABLES.operations));
  }
  const operations = tables.operations;
  const ncCol = operations ? columnOf(operations, "nc") : undefined;
  if (operation && operations && ncCol !== undefined) {
    const current = cellValue(operations.sheet, operation.row, ncCol);
    if (isBlank(current)) {
      plan.steps.push({
        kind: "writeCells",
        sheet: operations.sheet.name,
        cells: [{ row: operation.row, col: ncCol, value: number, expected: current }],
      });
      plan.notes.push(WorkbookMessages.ncLinked(operation.do, number, OPERATION_HEADERS.nc));
    } else if (excelTextKey(readText(current)) !== excelTextKey(number)) {
      plan.notes.push(WorkbookMessages.ncLinkKept(operation.do, readText(current), OPERATION_HEADERS.nc, number, NONCONFORMITY_HEADERS.do));
    }
  }
  return { plan, number };
}

import { isSupportedSerial } from "../calendar";
import { looseTextKey, excelTextKey } from "../workbook/cell-reading";
import type { ColumnSpec } from "../workbook/schema-types";
import { isBlank } from "../workbook/sheet-cells";
import type { CellValue } from "../workbook/snapshot";
import type { LocatedTable } from "../workbook/table-location";
import { readDateText } from "./date-text";
import type { FindingCollector } from "./finding-collector";
import { FindingMessages as M } from "./messages";
import { showValue } from "./value-text";

/** A SPEC column of a located table with what its generic checks need, resolved once per table. */
export interface CheckedColumn {
  readonly spec: ColumnSpec;
  readonly col: number;
  /** Allowed values (case-insensitive key → value) of a fixed list. */
  readonly allowed: ReadonlyMap<string, string> | null;
  /** Allowed values by loose key, to suggest the one meant. */
  readonly loose: ReadonlyMap<string, string> | null;
}

export function checkedColumns(located: LocatedTable): CheckedColumn[] {
  const columns: CheckedColumn[] = [];
  located.match.specAt.forEach((spec, i) => {
    if (!spec || spec.kind === "formula") return;
    const values = spec.list && "values" in spec.list ? spec.list.values : null;
    columns.push({
      spec,
      col: located.firstCol + i,
      allowed: values ? new Map(values.map((v) => [excelTextKey(v), v])) : null,
      loose: values ? new Map(values.map((v) => [looseTextKey(v), v])) : null,
    });
  });
  return columns;
}

/** "del DO DO-1001" / "de la fila 12": how a message names the row. */
export type RowLabel = string;

/**
 * The checks every column gets from its kind: required, dates (text that looks like a date gets the date
 * it probably means), numbers, fixed lists. Returns false when the cell is blank.
 */
export function checkCell(
  out: FindingCollector,
  sheet: string,
  row: number,
  column: CheckedColumn,
  value: CellValue,
  label: RowLabel,
  rowKey: string | undefined,
): void {
  const { spec, col } = column;
  if (isBlank(value)) {
    if (spec.required) {
      out.add("campo-obligatorio", sheet, row, col, M.required(spec.header, label), rowKey);
    }
    return;
  }
  switch (spec.kind) {
    case "date":
    case "datetime": {
      if (typeof value === "number" && Number.isFinite(value) && isSupportedSerial(value)) return;
      out.add("fecha-invalida", sheet, row, col, dateMessage(spec, value, label), rowKey);
      return;
    }
    case "number":
    case "percent":
      if (typeof value !== "number") {
        out.add(
          "valor-no-permitido",
          sheet,
          row,
          col,
          M.notANumber(spec.header, label, showValue(value)),
          rowKey,
        );
      }
      return;
    case "list":
    case "yesno": {
      if (!column.allowed) return;
      const text = typeof value === "string" ? value.trim() : String(value);
      const listed = column.allowed.get(excelTextKey(text));
      if (listed !== undefined && spec.comparedAsTyped && typeof value === "string" && value !== text) {
        out.add(
          "valor-no-permitido",
          sheet,
          row,
          col,
          M.extraSpaces(spec.header, label, value, listed),
          rowKey,
        );
        return;
      }
      if (listed !== undefined) return;
      const meant = column.loose?.get(looseTextKey(text));
      const options = [...column.allowed.values()].join(", ");
      out.add(
        "valor-no-permitido",
        sheet,
        row,
        col,
        M.notInList(spec.header, label, showValue(value), options, meant),
        rowKey,
      );
      return;
    }
    default:
      return;
  }
}

function dateMessage(spec: ColumnSpec, value: CellValue, label: RowLabel): string {
  const format = spec.kind === "datetime" ? "dd/mm/aaaa hh:mm" : "dd/mm/aaaa";
  if (typeof value === "string") {
    const read = readDateText(value);
    if (read?.kind === "date") {
      return M.dateTextMeant(spec.header, label, value.trim(), read.shown, format);
    }
    if (read?.kind === "impossible") {
      return M.dateImpossible(spec.header, label, value.trim(), read.shown);
    }
    return M.dateText(spec.header, label, value.trim(), format);
  }
  if (typeof value === "number") {
    return M.dateNumberOutOfRange(spec.header, label, value, format);
  }
  return M.notADate(spec.header, label, showValue(value), format);
}

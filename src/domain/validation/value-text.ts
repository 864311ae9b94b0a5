import { formatSerial } from "../calendar";
import type { CellValue } from "../workbook/snapshot";

/** A date or date-time serial as a Colombian reader writes it. */
export function showDate(serial: number): string {
  const minutes = Math.round((serial - Math.floor(serial)) * 1440);
  if (minutes === 0 || minutes === 1440) return formatSerial(serial);
  return `${formatSerial(serial)} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** A cell's content quoted for a message. */
export function showValue(value: CellValue): string {
  if (typeof value === "string") return `«${value}»`;
  if (typeof value === "boolean") return value ? "VERDADERO" : "FALSO";
  return String(value);
}

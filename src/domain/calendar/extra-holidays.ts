import { readDateArgumentValue } from "./date-argument";

/**
 * How the ADUANA functions read their `festivos_extra` range (tblFestivosExtra[Fecha] in the sheet's formulas), in one
 * place for the functions and for the values the add-in computes in their stead: an empty cell ("", only spaces or
 * the 0 Excel desktop passes for it) is skipped; a non-negative number is the day of its serial; anything else — text,
 * a logical value, a negative number — makes the whole range unusable, so every call that gets it gives #VALUE!.
 */
export type ExtraHolidayReading =
  | { readonly usable: true; readonly dates: number[] }
  | { readonly usable: false; readonly offending: unknown };

/** An empty cell of festivos_extra: nothing, "" or only spaces, or 0 — empty as a date argument is. */
export function isEmptyHolidayCell(value: unknown): boolean {
  return readDateArgumentValue(value).kind === "empty";
}

export function readExtraHolidayCells(cells: readonly unknown[]): ExtraHolidayReading {
  const dates: number[] = [];
  for (const cell of cells) {
    if (isEmptyHolidayCell(cell)) continue;
    if (typeof cell !== "number" || !Number.isFinite(cell) || cell < 0) return { usable: false, offending: cell };
    dates.push(Math.floor(cell));
  }
  return { usable: true, dates };
}

import { ymdFromSerial } from "../calendar";

/**
 * The year the ribbon's "Evaluación anual" evaluates: the last calendar year that has ended by `today` (a serial).
 * @example lastCompleteYear(serialFromYmd(2026, 1, 15)) // 2025
 */
export function lastCompleteYear(today: number): number {
  return ymdFromSerial(today).year - 1;
}

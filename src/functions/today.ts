import { serialFromYmd } from "../domain/calendar";

/** Excel's TODAY(): the serial of the local calendar date of the machine running Excel. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

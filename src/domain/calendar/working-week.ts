import { weekdayOfSerial } from "./serial-date";

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * The working weekdays of a calendar (Monday–Friday, plus Saturday when it is a business day), with
 * counts in closed form: whole weeks by multiplication, the remainder from a 14-entry prefix table.
 */
export class WorkingWeek {
  readonly daysPerWeek: number;
  private readonly working: readonly boolean[];
  // prefix[i] = working weekdays among weekdays 0 … i−1 taken modulo 7, for i in 0…14.
  private readonly prefix: readonly number[];

  constructor(saturdayIsBusiness: boolean) {
    this.working = [0, 1, 2, 3, 4, 5, 6].map(
      (weekday) => weekday !== SUNDAY && (weekday !== SATURDAY || saturdayIsBusiness),
    );
    this.daysPerWeek = saturdayIsBusiness ? 6 : 5;
    const prefix = [0];
    for (let i = 0; i < 14; i++) prefix.push((prefix[i] ?? 0) + (this.working[i % 7] ? 1 : 0));
    this.prefix = prefix;
  }

  isWorkingWeekday(weekday: number): boolean {
    return this.working[weekday] === true;
  }

  isWorkingDate(date: number): boolean {
    return this.isWorkingWeekday(weekdayOfSerial(date));
  }

  /** Working weekdays in [first, last], both integer dates, first ≤ last. */
  countBetween(first: number, last: number): number {
    const length = last - first + 1;
    const weeks = Math.floor(length / 7);
    const firstWeekday = weekdayOfSerial(first);
    const rest = (this.prefix[firstWeekday + length - weeks * 7] ?? 0) - (this.prefix[firstWeekday] ?? 0);
    return weeks * this.daysPerWeek + rest;
  }

  /** The count-th working weekday after (count > 0) or before (count < 0) the integer date `from`. */
  step(from: number, count: number): number {
    const direction = Math.sign(count);
    const remaining = Math.abs(count);
    const weeks = Math.floor((remaining - 1) / this.daysPerWeek);
    let date = from + direction * 7 * weeks;
    // At most one more week to walk: constant work whatever the count.
    for (let left = remaining - weeks * this.daysPerWeek; left > 0; ) {
      date += direction;
      if (this.isWorkingDate(date)) left--;
    }
    return date;
  }
}

import { FIRST_CALENDAR_SERIAL, colombianHolidays, serialFromYmd, weekdayOfSerial } from "../../src/domain/calendar";
import { businessDaysBetween, dueDate, elapsedServiceTime } from "../../src/functions/functions";
import { oracleNetworkDays, oracleWorkday, seededRandom } from "../domain/calendar/excel-oracle";

interface OracleCase {
  readonly start: number;
  readonly length: number;
  readonly saturdayIsBusiness: boolean;
  readonly extra: readonly number[];
}

/** Seeded cases: starts on holidays and weekends, short to multi-year spans, extra holidays. */
function randomCases(seed: number, count: number): OracleCase[] {
  const random = seededRandom(seed);
  const cases: OracleCase[] = [];
  for (let i = 0; i < count; i++) {
    const year = 1985 + Math.floor(random() * 55);
    let start = serialFromYmd(year, 1, 1) + Math.floor(random() * 365);
    const kind = random();
    if (kind < 0.2) {
      const holidays = colombianHolidays(year);
      start = holidays[Math.floor(random() * holidays.length)]?.serial ?? start;
    } else if (kind < 0.35) {
      start += 6 - weekdayOfSerial(start) + Math.floor(random() * 2); // Saturday or Sunday
    }
    const size = random();
    const length =
      size < 0.5 ? Math.floor(random() * 15) : size < 0.88 ? 15 + Math.floor(random() * 75) : size < 0.995 ? 90 + Math.floor(random() * 300) : 390 + Math.floor(random() * 700);
    const extra: number[] = [];
    if (random() < 0.3) {
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) extra.push(start + Math.floor(random() * (length + 5)));
    }
    cases.push({ start, length, saturdayIsBusiness: random() < 0.3, extra });
  }
  return cases;
}

const asRange = (dates: readonly number[]): number[][] => dates.map((date) => [date]);

describe("DIAS_HABILES against formulajs NETWORKDAYS.INTL", () => {
  it("returns the same count on 10,000 seeded-random intervals, a quarter of them reversed", () => {
    const random = seededRandom(99);
    const failures: string[] = [];
    for (const { start, length, saturdayIsBusiness, extra } of randomCases(2025, 10_000)) {
      const [inicio, fin] = random() < 0.25 ? [start + length, start] : [start, start + length];
      const expected = oracleNetworkDays(inicio, fin, saturdayIsBusiness, extra);
      const actual = businessDaysBetween(inicio + 0.5, fin + 0.25, saturdayIsBusiness, asRange(extra));
      if (actual !== expected) failures.push(`${inicio}→${fin} sáb=${saturdayIsBusiness} extra=${extra}: ${actual} ≠ ${expected}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("FECHA_LIMITE against formulajs WORKDAY.INTL", () => {
  it("returns the same due date on 10,000 seeded-random cases", () => {
    const failures: string[] = [];
    for (const { start, length, saturdayIsBusiness, extra } of randomCases(2026, 10_000)) {
      const { serial: expected, horizon } = oracleWorkday(start, length, saturdayIsBusiness, extra);
      const actual = dueDate(start + 0.75, length, saturdayIsBusiness, asRange(extra));
      if (actual > horizon[1]) failures.push(`oracle horizon too short for ${start}+${length}`);
      if (actual !== expected) failures.push(`${start}+${length} sáb=${saturdayIsBusiness} extra=${extra}: ${actual} ≠ ${expected}`);
    }
    expect(failures).toEqual([]);
  });

  it("returns the same due date on 3,000 seeded-random backward and fractional cases", () => {
    const random = seededRandom(31);
    const failures: string[] = [];
    let compared = 0;
    for (const { start, length, saturdayIsBusiness, extra } of randomCases(2027, 3_000)) {
      const backward = random() < 0.6;
      const fraction = random() < 0.5 ? random() : 0;
      const dias = backward ? -(length + fraction) : length + fraction;
      // WORKDAY.INTL truncates days toward zero; the oracle is asked with the whole part Excel uses.
      const whole = Math.trunc(dias);
      if (start - (Math.abs(whole) * 2 + 40) < FIRST_CALENDAR_SERIAL) continue; // the oracle's horizon needs holidays from 1984
      const shifted = backward ? extra.map((date) => date - length - 5) : extra;
      const { serial: expected } = oracleWorkday(start, whole, saturdayIsBusiness, shifted);
      const actual = dueDate(start + 0.75, dias, saturdayIsBusiness, asRange(shifted));
      compared++;
      if (actual !== expected) failures.push(`${start}${dias} sáb=${saturdayIsBusiness} extra=${shifted}: ${actual} ≠ ${expected}`);
    }
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(2_500);
  });
});

describe("TIEMPO_SERVICIO against formulajs NETWORKDAYS.INTL(inicio + 1, fin)", () => {
  it("returns the same day count on 3,000 seeded-random intervals with times of day", () => {
    const random = seededRandom(7);
    const failures: string[] = [];
    for (const { start, length, saturdayIsBusiness, extra } of randomCases(2027, 3_000)) {
      const startTime = random() * 0.99;
      const endTime = length === 0 ? startTime + random() * (0.99 - startTime) : random() * 0.99;
      const expected = length === 0 ? 0 : oracleNetworkDays(start + 1, start + length, saturdayIsBusiness, extra);
      const actual = elapsedServiceTime(start + startTime, start + length + endTime, "d", saturdayIsBusiness, asRange(extra));
      if (actual !== expected) failures.push(`${start}+${length}: ${String(actual)} ≠ ${expected}`);
    }
    expect(failures).toEqual([]);
    expect(FIRST_CALENDAR_SERIAL).toBeLessThan(serialFromYmd(1985, 1, 1)); // every case lies inside the calendar
  });
});

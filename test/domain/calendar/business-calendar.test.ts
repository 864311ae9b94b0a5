import {
  BusinessCalendar,
  CalendarRangeError,
  colombianHolidays,
  getBusinessCalendar,
  serialFromYmd,
  weekdayOfSerial,
} from "../../../src/domain/calendar";
import { oracleNetworkDays, oracleWorkday, seededRandom } from "./excel-oracle";

const dateOf = (year: number, month: number, day: number): number => serialFromYmd(year, month, day);
const at = (year: number, month: number, day: number, hour: number, minute = 0): number =>
  dateOf(year, month, day) + (hour * 60 + minute) / 1440;

const weekdays = new BusinessCalendar({ saturdayIsBusiness: false, extraHolidays: [] });
const withSaturdays = new BusinessCalendar({ saturdayIsBusiness: true, extraHolidays: [] });

/** Random dates biased towards the cases that break business-day code: weekends and holidays. */
function randomCase(random: () => number) {
  const pick = random();
  const year = 1984 + Math.floor(random() * 57);
  let start = dateOf(year, 1, 1) + Math.floor(random() * 365);
  if (pick < 0.15) {
    const holidays = colombianHolidays(year);
    start = holidays[Math.floor(random() * holidays.length)]?.serial ?? start;
  } else if (pick < 0.3) {
    start += (6 - weekdayOfSerial(start)) + Math.floor(random() * 2); // Saturday or Sunday
  }
  const size = random();
  const length =
    size < 0.4 ? Math.floor(random() * 15) : size < 0.8 ? 15 + Math.floor(random() * 105) : size < 0.98 ? 120 + Math.floor(random() * 600) : 720 + Math.floor(random() * 1500);
  const saturdayIsBusiness = random() < 0.3;
  const extra: number[] = [];
  if (random() < 0.3) {
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) extra.push(start + Math.floor(random() * (length + 10)));
  }
  return { start, length, saturdayIsBusiness, extra };
}

describe("BusinessCalendar", () => {
  describe("isBusinessDay", () => {
    it.each([
      [dateOf(2025, 1, 6), false, false], // Reyes Magos, a Monday
      [dateOf(2025, 1, 7), false, true],
      [dateOf(2025, 1, 11), false, false], // Saturday
      [dateOf(2025, 1, 11), true, true], // Saturday, business for Saturday alliances
      [dateOf(2025, 1, 12), true, false], // Sunday
      [dateOf(2025, 6, 30) + 0.4, false, false], // two holidays on one date, with a time of day
    ])("returns for serial %d (saturday business %s) %s", (serial, saturdayIsBusiness, expected) => {
      const calendar = saturdayIsBusiness ? withSaturdays : weekdays;
      expect(calendar.isBusinessDay(serial)).toBe(expected);
    });

    it("returns false on an extra holiday", () => {
      const calendar = new BusinessCalendar({ saturdayIsBusiness: false, extraHolidays: [dateOf(2025, 3, 4) + 0.5] });
      expect(calendar.isBusinessDay(dateOf(2025, 3, 4))).toBe(false);
    });
  });

  describe("networkDays", () => {
    it.each([
      [dateOf(2025, 1, 1), dateOf(2025, 1, 31), 21],
      [dateOf(2025, 1, 31), dateOf(2025, 1, 1), -21],
      [dateOf(2025, 1, 7), dateOf(2025, 1, 7), 1],
      [dateOf(2025, 1, 6), dateOf(2025, 1, 6), 0],
      [dateOf(2025, 1, 1), dateOf(2025, 12, 31), 245], // 261 weekdays − 16 weekday holiday dates
    ])("returns NETWORKDAYS.INTL from %d to %d: %d", (start, end, expected) => {
      expect(weekdays.networkDays(start, end)).toBe(expected);
      expect(weekdays.networkDays(start, end)).toBe(oracleNetworkDays(start, end, false));
    });

    it("returns formulajs NETWORKDAYS.INTL on 1,500 seeded-random intervals, both weekend rules, with extra holidays", () => {
      const random = seededRandom(20250101);
      const failures: string[] = [];
      for (let i = 0; i < 1500; i++) {
        const { start, length, saturdayIsBusiness, extra } = randomCase(random);
        const [from, to] = random() < 0.25 ? [start + length, start] : [start, start + length];
        const calendar = new BusinessCalendar({ saturdayIsBusiness, extraHolidays: extra });
        const expected = oracleNetworkDays(from, to, saturdayIsBusiness, extra);
        const actual = calendar.networkDays(from + random() * 0.99, to + random() * 0.99);
        if (actual !== expected) failures.push(`${from}→${to} sat=${saturdayIsBusiness} extra=${extra}: ${actual} ≠ ${expected}`);
      }
      expect(failures).toEqual([]);
    });

    it("returns the day-by-day count over the whole 1984–2200 range", () => {
      const first = dateOf(1984, 1, 1);
      const last = dateOf(2200, 12, 31);
      let count = 0;
      for (let date = first; date <= last; date++) if (withSaturdays.isBusinessDay(date)) count++;
      expect(withSaturdays.networkDays(first, last)).toBe(count);
    });
  });

  describe("workday", () => {
    it.each([
      [dateOf(2025, 1, 3), 1, dateOf(2025, 1, 7)], // Friday + 1 skips the weekend and Reyes Magos
      [dateOf(2025, 1, 7), -1, dateOf(2025, 1, 3)],
      [dateOf(2025, 1, 4), 0, dateOf(2025, 1, 4)], // 0 days returns the start, even on a Saturday
      [dateOf(2025, 4, 16) + 0.9, 1, dateOf(2025, 4, 21)], // over Jueves and Viernes Santo
      [dateOf(2025, 1, 3), 2.9, dateOf(2025, 1, 8)], // days are truncated
    ])("returns WORKDAY.INTL(%d, %d): %d", (start, days, expected) => {
      expect(weekdays.workday(start, days)).toBe(expected);
    });

    it("returns formulajs WORKDAY.INTL on 1,500 seeded-random cases, forwards and backwards", () => {
      const random = seededRandom(424242);
      const failures: string[] = [];
      for (let i = 0; i < 1500; i++) {
        const { start, length, saturdayIsBusiness, extra } = randomCase(random);
        // Backwards only where the oracle's holiday horizon stays inside 1984–2200.
        const backwards = random() < 0.25 && start > dateOf(1986, 7, 1);
        const days = Math.min(length, 400) * (backwards ? -1 : 1);
        const calendar = new BusinessCalendar({ saturdayIsBusiness, extraHolidays: extra });
        const { serial: expected, horizon } = oracleWorkday(start, days, saturdayIsBusiness, extra);
        const actual = calendar.workday(start, days);
        if (actual < horizon[0] || actual > horizon[1]) failures.push(`horizon too short for ${start}+${days}`);
        if (actual !== expected) failures.push(`${start}+${days} sat=${saturdayIsBusiness} extra=${extra}: ${actual} ≠ ${expected}`);
      }
      expect(failures).toEqual([]);
    });

    it("returns the inverse of networkDays: the n-th business day after start", () => {
      const start = dateOf(2030, 12, 20);
      for (let days = 1; days <= 60; days++) {
        const due = weekdays.workday(start, days);
        expect(weekdays.isBusinessDay(due)).toBe(true);
        expect(weekdays.networkDays(start + 1, due)).toBe(days);
      }
    });
  });

  describe("serviceDays", () => {
    it.each([
      ["same day", at(2025, 3, 4, 9), at(2025, 3, 4, 16), 0],
      ["Friday → Monday", at(2025, 3, 7, 15), at(2025, 3, 10, 9), 1],
      ["Friday → Tuesday over Reyes Magos", dateOf(2025, 1, 3), dateOf(2025, 1, 7), 1],
      ["Saturday → Monday", dateOf(2025, 3, 8), dateOf(2025, 3, 10), 1],
      ["a Monday-to-Monday week", dateOf(2025, 3, 3), dateOf(2025, 3, 10), 5],
      ["ending on a holiday", dateOf(2025, 6, 27), dateOf(2025, 6, 30), 0],
    ])("returns %s: %d", (_label, start, end, expected) => {
      expect(weekdays.serviceDays(start, end)).toBe(expected);
    });

    it("counts Saturday for Saturday alliances: Friday → Saturday is 1", () => {
      expect(withSaturdays.serviceDays(dateOf(2025, 3, 7), dateOf(2025, 3, 8))).toBe(1);
      expect(weekdays.serviceDays(dateOf(2025, 3, 7), dateOf(2025, 3, 8))).toBe(0);
    });

    it("returns NETWORKDAYS.INTL(start + 1, end) on 1,000 seeded-random intervals", () => {
      const random = seededRandom(7);
      const failures: string[] = [];
      for (let i = 0; i < 1000; i++) {
        const { start, length, saturdayIsBusiness, extra } = randomCase(random);
        const calendar = new BusinessCalendar({ saturdayIsBusiness, extraHolidays: extra });
        const expected = length === 0 ? 0 : oracleNetworkDays(start + 1, start + length, saturdayIsBusiness, extra);
        const startTime = random() * 0.99;
        const endTime = length === 0 ? startTime + random() * (0.99 - startTime) : random() * 0.99;
        const actual = calendar.serviceDays(start + startTime, start + length + endTime);
        if (actual !== expected) failures.push(`${start}+${length}: ${actual} ≠ ${expected}`);
      }
      expect(failures).toEqual([]);
    });

    it("throws CalendarRangeError when end is before start", () => {
      expect(() => weekdays.serviceDays(at(2025, 3, 4, 10), at(2025, 3, 4, 9))).toThrow(CalendarRangeError);
    });
  });

  describe("serviceHours", () => {
    it.each([
      ["inside one working day", at(2025, 3, 4, 9), at(2025, 3, 4, 11, 30), 2.5],
      ["clipped to 08:00–17:00", at(2025, 3, 4, 6), at(2025, 3, 4, 20), 9],
      ["before the working day on both ends", at(2025, 3, 4, 6), at(2025, 3, 4, 7), 0],
      ["Friday 16:00 → Monday 09:00", at(2025, 3, 7, 16), at(2025, 3, 10, 9), 2],
      ["Saturday 10:00 → Monday 10:00", at(2025, 3, 8, 10), at(2025, 3, 10, 10), 2],
      ["over Reyes Magos: Friday 17:00 → Tuesday 08:00", at(2025, 1, 3, 17), at(2025, 1, 7, 8), 0],
      ["a full week, Monday 08:00 → next Monday 08:00", at(2025, 3, 3, 8), at(2025, 3, 10, 8), 45],
      ["from a holiday morning to the next day", at(2025, 1, 6, 9), at(2025, 1, 7, 9, 20), 4 / 3],
      ["same instant", at(2025, 3, 4, 9), at(2025, 3, 4, 9), 0],
    ])("returns %s: %d h", (_label, start, end, expected) => {
      expect(weekdays.serviceHours(start, end)).toBeCloseTo(expected, 9);
    });

    it("counts Saturdays for Saturday alliances and honours a custom working day", () => {
      expect(withSaturdays.serviceHours(at(2025, 3, 8, 10), at(2025, 3, 10, 10))).toBe(9);
      expect(weekdays.serviceHours(at(2025, 3, 4, 7), at(2025, 3, 5, 12), 7, 19)).toBe(17);
    });

    it("throws CalendarRangeError for an impossible working day", () => {
      expect(() => weekdays.serviceHours(dateOf(2025, 3, 4), dateOf(2025, 3, 5), 17, 8)).toThrow(CalendarRangeError);
    });
  });

  describe("edge cases", () => {
    it.each([
      ["networkDays before 1984", () => weekdays.networkDays(dateOf(1983, 12, 31), dateOf(1984, 1, 5))],
      ["networkDays after 2200", () => weekdays.networkDays(dateOf(2200, 12, 1), dateOf(2201, 1, 5))],
      ["workday past 2200", () => weekdays.workday(dateOf(2200, 12, 20), 30)],
      ["isBusinessDay of NaN", () => weekdays.isBusinessDay(Number.NaN)],
      ["workday of Infinity days", () => weekdays.workday(dateOf(2025, 1, 1), Number.POSITIVE_INFINITY)],
    ])("throws CalendarRangeError for %s", (_label, call) => {
      expect(call).toThrow(CalendarRangeError);
    });

    it("ignores extra holidays that repeat a holiday, fall on a weekend or are duplicated", () => {
      const extra = [dateOf(2025, 1, 6), dateOf(2025, 1, 11), dateOf(2025, 1, 14), dateOf(2025, 1, 14) + 0.5];
      const calendar = new BusinessCalendar({ saturdayIsBusiness: false, extraHolidays: extra });
      expect(calendar.networkDays(dateOf(2025, 1, 1), dateOf(2025, 1, 31))).toBe(20);
    });
  });
});

describe("getBusinessCalendar", () => {
  it("returns the same calendar for the same flag and the same set of extra holidays", () => {
    const a = getBusinessCalendar(false, [dateOf(2025, 3, 4), dateOf(2025, 3, 5)]);
    const b = getBusinessCalendar(false, [dateOf(2025, 3, 5) + 0.25, dateOf(2025, 3, 4), dateOf(2025, 3, 4)]);
    expect(b).toBe(a);
    expect(getBusinessCalendar(true, [])).toBe(getBusinessCalendar(true));
  });

  it("returns different calendars for different flags or holidays", () => {
    expect(getBusinessCalendar(true)).not.toBe(getBusinessCalendar(false));
    expect(getBusinessCalendar(false, [dateOf(2025, 3, 4)])).not.toBe(getBusinessCalendar(false));
    expect(getBusinessCalendar(false, [dateOf(2025, 3, 4)]).isBusinessDay(dateOf(2025, 3, 4))).toBe(false);
  });
});

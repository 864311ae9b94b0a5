import {
  datePartOfSerial,
  formatSerial,
  serialFromIsoDate,
  serialFromYmd,
  weekdayOfSerial,
  ymdFromSerial,
} from "../../../src/domain/calendar";

const DAY_MS = 86_400_000;
// Independent oracle for dates from 1900-03-01 on: UTC milliseconds from Excel's epoch.
const utcSerial = (year: number, month: number, day: number): number =>
  (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / DAY_MS;

describe("serialFromYmd", () => {
  it.each([
    [2025, 1, 1, 45658],
    [2000, 1, 1, 36526],
    [1984, 1, 1, 30682],
    [2200, 12, 31, 109939],
    [1900, 3, 1, 61],
    [1900, 1, 1, 1],
  ])("returns the Excel serial of %i-%i-%i", (year, month, day, serial) => {
    expect(serialFromYmd(year, month, day)).toBe(serial);
  });

  it("returns the UTC day count from 1899-12-30 for every date from 1900-03-01 to 2200-12-31", () => {
    const mismatches: string[] = [];
    for (let serial = 61; serial <= 109939; serial++) {
      const { year, month, day } = ymdFromSerial(serial);
      if (utcSerial(year, month, day) !== serial || serialFromYmd(year, month, day) !== serial) {
        mismatches.push(`${serial} → ${year}-${month}-${day}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  describe("edge cases", () => {
    it("returns 60 for Excel's fictitious 1900-02-29 and keeps earlier serials one day off", () => {
      expect(serialFromYmd(1900, 2, 28)).toBe(59);
      expect(serialFromYmd(1900, 2, 29)).toBe(60);
      expect(serialFromYmd(1900, 3, 0)).toBe(60);
      expect(serialFromYmd(1900, 1, 60)).toBe(60);
    });

    it("rolls months and days over like Excel's DATE", () => {
      expect(serialFromYmd(2025, 13, 1)).toBe(serialFromYmd(2026, 1, 1));
      expect(serialFromYmd(2025, 0, 1)).toBe(serialFromYmd(2024, 12, 1));
      expect(serialFromYmd(2025, 3, 0)).toBe(serialFromYmd(2025, 2, 28));
      expect(serialFromYmd(2024, 2, 30)).toBe(serialFromYmd(2024, 3, 1));
    });
  });
});

describe("ymdFromSerial", () => {
  it.each([
    [45658, { year: 2025, month: 1, day: 1 }],
    [45658.999, { year: 2025, month: 1, day: 1 }],
    [61, { year: 1900, month: 3, day: 1 }],
    [60, { year: 1900, month: 2, day: 29 }],
    [59, { year: 1900, month: 2, day: 28 }],
    [1, { year: 1900, month: 1, day: 1 }],
    [0, { year: 1900, month: 1, day: 0 }],
  ])("returns the date of serial %d", (serial, date) => {
    expect(ymdFromSerial(serial)).toEqual(date);
  });

  it("round-trips every serial from 1 to 1900-03-31", () => {
    for (let serial = 1; serial <= 91; serial++) {
      const { year, month, day } = ymdFromSerial(serial);
      expect(serialFromYmd(year, month, day)).toBe(serial);
    }
  });

  it("throws for a negative serial", () => {
    expect(() => ymdFromSerial(-1)).toThrow(RangeError);
  });
});

describe("weekdayOfSerial", () => {
  it.each([
    [45658, 3], // 2025-01-01, Wednesday
    [45662, 0], // 2025-01-05, Sunday
    [45663, 1], // 2025-01-06, Monday
    [61, 4], // 1900-03-01, Thursday
    [1, 0], // Excel calls 1900-01-01 a Sunday
  ])("returns the Excel weekday of serial %d", (serial, weekday) => {
    expect(weekdayOfSerial(serial)).toBe(weekday);
  });

  it("agrees with the UTC weekday of every day of 2024–2025 and ignores the time of day", () => {
    const mismatches: number[] = [];
    for (let serial = serialFromYmd(2024, 1, 1); serial <= serialFromYmd(2025, 12, 31); serial++) {
      const utcWeekday = new Date(Date.UTC(1899, 11, 30) + serial * DAY_MS).getUTCDay();
      if (weekdayOfSerial(serial + 0.75) !== utcWeekday) mismatches.push(serial);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("datePartOfSerial", () => {
  it("returns the date without the time of day", () => {
    expect(datePartOfSerial(45658.75)).toBe(45658);
    expect(datePartOfSerial(45658)).toBe(45658);
  });
});

describe("formatSerial", () => {
  it("returns dd/mm/aaaa", () => {
    expect(formatSerial(serialFromYmd(2025, 3, 9) + 0.5)).toBe("09/03/2025");
  });
});

describe("serialFromIsoDate", () => {
  it.each([
    ["2026-02-28", utcSerial(2026, 2, 28)],
    ["2024-02-29", utcSerial(2024, 2, 29)],
    [" 2026-12-31 ", utcSerial(2026, 12, 31)],
  ])("reads %s as the day it names", (text, serial) => {
    expect(serialFromIsoDate(text)).toBe(serial);
  });

  it.each(["2026-02-31", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-06-00", "27/06/2026", "2026-6-1", ""])(
    "refuses %s, which is not a day of the calendar written AAAA-MM-DD",
    (text) => {
      expect(serialFromIsoDate(text)).toBeNull();
    },
  );
});

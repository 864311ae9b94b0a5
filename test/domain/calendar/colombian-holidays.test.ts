import Holidays from "date-holidays";
import {
  CalendarRangeError,
  colombianHolidays,
  colombianHolidaysOn,
  easterSunday,
  formatSerial,
  serialFromYmd,
  weekdayOfSerial,
} from "../../../src/domain/calendar";

const SUNDAY = 0;
const dateOf = (year: number, month: number, day: number): number => serialFromYmd(year, month, day);
const sorted = (dates: number[]): number[] => [...dates].sort((a, b) => a - b);

describe("colombianHolidays", () => {
  it("returns 18 holidays on 17 dates for 2025, two of them on 30 June", () => {
    const holidays = colombianHolidays(2025);
    expect(holidays).toHaveLength(18);
    expect(new Set(holidays.map((holiday) => holiday.serial)).size).toBe(17);
    expect(holidays.filter((holiday) => holiday.serial === dateOf(2025, 6, 30)).map((h) => h.name)).toEqual([
      "Sagrado Corazón de Jesús",
      "San Pedro y San Pablo",
    ]);
  });

  it("returns the 2025 calendar, date by date, sorted", () => {
    expect(colombianHolidays(2025).map((holiday) => `${formatSerial(holiday.serial)} ${holiday.name}`)).toEqual([
      "01/01/2025 Año Nuevo",
      "06/01/2025 Día de los Reyes Magos",
      "24/03/2025 Día de San José",
      "17/04/2025 Jueves Santo",
      "18/04/2025 Viernes Santo",
      "01/05/2025 Día del Trabajo",
      "02/06/2025 Ascensión del Señor",
      "23/06/2025 Corpus Christi",
      "30/06/2025 Sagrado Corazón de Jesús",
      "30/06/2025 San Pedro y San Pablo",
      "20/07/2025 Día de la Independencia",
      "07/08/2025 Batalla de Boyacá",
      "18/08/2025 Asunción de la Virgen",
      "13/10/2025 Día de la Raza",
      "03/11/2025 Todos los Santos",
      "17/11/2025 Independencia de Cartagena",
      "08/12/2025 Inmaculada Concepción",
      "25/12/2025 Navidad",
    ]);
  });

  it("returns 19 holidays for 2026, with Virgen de Chiquinquirá (Ley 2578 de 2026) moved to Monday 13 July", () => {
    const holidays = colombianHolidays(2026);
    expect(holidays).toHaveLength(19);
    expect(holidays).toContainEqual({ serial: dateOf(2026, 7, 13), name: "Virgen de Chiquinquirá" });
  });

  it("returns no Virgen de Chiquinquirá before 2026", () => {
    for (const year of [1984, 2000, 2025]) {
      expect(colombianHolidays(year).map((holiday) => holiday.name)).not.toContain("Virgen de Chiquinquirá");
    }
  });

  it.each([
    // [year, month, day, name]: Emiliani holidays move to the next Monday; fixed ones never move.
    [2024, 1, 8, "Día de los Reyes Magos"], // 6 Jan 2024 was a Saturday
    [2023, 1, 9, "Día de los Reyes Magos"], // 6 Jan 2023 was a Friday
    [2024, 3, 25, "Día de San José"],
    [2022, 7, 20, "Día de la Independencia"], // a Wednesday: stays
    [2021, 12, 25, "Navidad"], // a Saturday: stays
    [1984, 7, 2, "Sagrado Corazón de Jesús"], // Easter 1984-04-22, +68 → Friday 29 Jun → Monday 2 Jul
    [2027, 7, 12, "Virgen de Chiquinquirá"], // 9 Jul 2027 is a Friday
  ])("returns %i-%i-%i %s", (year, month, day, name) => {
    expect(colombianHolidays(year)).toContainEqual({ serial: dateOf(year, month, day), name });
  });

  it("returns the same cached list for the same year, frozen", () => {
    expect(colombianHolidays(2030)).toBe(colombianHolidays(2030));
    expect(Object.isFrozen(colombianHolidays(2030))).toBe(true);
  });

  it("returns date-holidays' public holidays for Colombia (Sundays aside) for every year 1984–2040", () => {
    const oracle = new Holidays("CO");
    const mismatches: string[] = [];
    for (let year = 1984; year <= 2040; year++) {
      // Compare the date text, not Date objects, so that the time zone of the run cannot matter.
      const theirs = oracle
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        .map((holiday) => {
          const [y = 0, m = 0, d = 0] = holiday.date.slice(0, 10).split("-").map(Number);
          return dateOf(y, m, d);
        });
      const ours = colombianHolidays(year).map((holiday) => holiday.serial);
      const weekdaysOnly = (dates: number[]): number[] => sorted(dates.filter((d) => weekdayOfSerial(d) !== SUNDAY));
      if (JSON.stringify(weekdaysOnly(ours)) !== JSON.stringify(weekdaysOnly(theirs))) {
        mismatches.push(`${year}: ours ${weekdaysOnly(ours).map(formatSerial)} theirs ${weekdaysOnly(theirs).map(formatSerial)}`);
      }
      // Ours on a Sunday (a fixed holiday) must be theirs too; theirs add Easter Sunday, not a legal holiday.
      for (const date of ours.filter((d) => weekdayOfSerial(d) === SUNDAY)) {
        if (!theirs.includes(date)) mismatches.push(`${year}: ${formatSerial(date)} missing from date-holidays`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  describe("edge cases", () => {
    it.each([1983, 2201, 2025.5, Number.NaN])("throws CalendarRangeError for year %d", (year) => {
      expect(() => colombianHolidays(year)).toThrow(CalendarRangeError);
    });

    it("returns 1984 and 2200, the first and last years", () => {
      expect(colombianHolidays(1984)).toHaveLength(18);
      expect(colombianHolidays(2200)).toHaveLength(19);
    });
  });
});

describe("colombianHolidaysOn", () => {
  it("returns both holidays of a shared date and none on a working day", () => {
    expect(colombianHolidaysOn(dateOf(2025, 6, 30) + 0.5)).toHaveLength(2);
    expect(colombianHolidaysOn(dateOf(2025, 7, 1))).toEqual([]);
  });

  it("throws CalendarRangeError outside 1984–2200", () => {
    expect(() => colombianHolidaysOn(dateOf(1983, 12, 25))).toThrow(CalendarRangeError);
  });
});

describe("easterSunday", () => {
  it.each([
    [1984, 4, 22],
    [2000, 4, 23],
    [2025, 4, 20],
    [2026, 4, 5],
    [2038, 4, 25],
    [2200, 4, 6],
  ])("returns Easter Sunday of %i", (year, month, day) => {
    expect(easterSunday(year)).toBe(dateOf(year, month, day));
    expect(weekdayOfSerial(easterSunday(year))).toBe(SUNDAY);
  });
});

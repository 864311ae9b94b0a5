import { easterSunday } from "./easter";
import { serialFromYmd, weekdayOfSerial, ymdFromSerial } from "./serial-date";
import { assertSupportedSerial, assertSupportedYear } from "./supported-range";

/** A national holiday: its date and its Spanish name. */
export interface Holiday {
  readonly serial: number;
  readonly name: string;
}

interface HolidayRule {
  readonly name: string;
  readonly firstYear: number;
  readonly serialIn: (year: number, easter: number) => number;
}

const MONDAY = 1;

/** The date itself when it is a Monday, otherwise the next Monday (Ley 51 de 1983). */
function onOrNextMonday(serial: number): number {
  return serial + ((MONDAY - weekdayOfSerial(serial) + 7) % 7);
}

function fixed(name: string, month: number, day: number): HolidayRule {
  return { name, firstYear: 1984, serialIn: (year) => serialFromYmd(year, month, day) };
}

function movedToMonday(name: string, month: number, day: number, firstYear = 1984): HolidayRule {
  return { name, firstYear, serialIn: (year) => onOrNextMonday(serialFromYmd(year, month, day)) };
}

function easterBased(name: string, offset: number, moveToMonday: boolean): HolidayRule {
  return {
    name,
    firstYear: 1984,
    serialIn: (_year, easter) => (moveToMonday ? onOrNextMonday(easter + offset) : easter + offset),
  };
}

// In order of the nominal date, so that two holidays sharing a day keep a stable order.
const RULES: readonly HolidayRule[] = [
  fixed("Año Nuevo", 1, 1),
  movedToMonday("Día de los Reyes Magos", 1, 6),
  movedToMonday("Día de San José", 3, 19),
  easterBased("Jueves Santo", -3, false),
  easterBased("Viernes Santo", -2, false),
  fixed("Día del Trabajo", 5, 1),
  easterBased("Ascensión del Señor", 39, true),
  easterBased("Corpus Christi", 60, true),
  easterBased("Sagrado Corazón de Jesús", 68, true),
  movedToMonday("San Pedro y San Pablo", 6, 29),
  movedToMonday("Virgen de Chiquinquirá", 7, 9, 2026), // Ley 2578 de 2026
  fixed("Día de la Independencia", 7, 20),
  fixed("Batalla de Boyacá", 8, 7),
  movedToMonday("Asunción de la Virgen", 8, 15),
  movedToMonday("Día de la Raza", 10, 12),
  movedToMonday("Todos los Santos", 11, 1),
  movedToMonday("Independencia de Cartagena", 11, 11),
  fixed("Inmaculada Concepción", 12, 8),
  fixed("Navidad", 12, 25),
];

const holidaysByYear = new Map<number, readonly Holiday[]>();

/**
 * Colombia's national holidays of a year (1984–2200), sorted by date. Two holidays may share a date:
 * both are listed. Throws CalendarRangeError outside 1984–2200.
 * @example colombianHolidays(2025).length // 18 (on 17 dates)
 */
export function colombianHolidays(year: number): readonly Holiday[] {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  assertSupportedYear(year);
  const easter = easterSunday(year);
  const holidays = RULES.filter((rule) => year >= rule.firstYear)
    .map((rule): Holiday => Object.freeze({ serial: rule.serialIn(year, easter), name: rule.name }))
    .sort((a, b) => a.serial - b.serial); // stable: rule order breaks ties
  const frozen = Object.freeze(holidays);
  holidaysByYear.set(year, frozen);
  return frozen;
}

/** The holidays that fall on the date of a serial (usually none, at most two). */
export function colombianHolidaysOn(serial: number): readonly Holiday[] {
  assertSupportedSerial(serial);
  const date = Math.floor(serial);
  // Moved holidays never leave their year (the latest is 11 Nov → 17 Nov), so one year suffices.
  return colombianHolidays(ymdFromSerial(date).year).filter((holiday) => holiday.serial === date);
}


import { formatSerial, isSupportedSerial, serialFromYmd, ymdFromSerial } from "../calendar";

/** What a text that looks like a date probably means. */
export type DateTextReading =
  | { kind: "date"; serial: number; shown: string }
  | { kind: "impossible"; shown: string }
  | null;

const DAY_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?:[\sT]+(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap])?\.?\s*(?:m\.?)?)?$/i;
const YEAR_FIRST = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:z)?)?$/i;
const MONTH_NAME = /^(\d{1,2})(?:\s+de\s+|\s*[\s/.-]\s*)([a-záéíóú]+)\.?(?:\s+de\s+|\s*[\s/.-]\s*)(\d{4}|\d{2})$/i;

const MONTHS = new Map<string, number>([
  ["ene", 1], ["enero", 1], ["jan", 1], ["january", 1],
  ["feb", 2], ["febrero", 2], ["february", 2],
  ["mar", 3], ["marzo", 3], ["march", 3],
  ["abr", 4], ["abril", 4], ["apr", 4], ["april", 4],
  ["may", 5], ["mayo", 5],
  ["jun", 6], ["junio", 6], ["june", 6],
  ["jul", 7], ["julio", 7], ["july", 7],
  ["ago", 8], ["agosto", 8], ["aug", 8], ["august", 8],
  ["sep", 9], ["sept", 9], ["set", 9], ["septiembre", 9], ["setiembre", 9], ["september", 9],
  ["oct", 10], ["octubre", 10], ["october", 10],
  ["nov", 11], ["noviembre", 11], ["november", 11],
  ["dic", 12], ["diciembre", 12], ["dec", 12], ["december", 12],
]);

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 80 ? 2000 + year : 1900 + year;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The serial of a calendar date, or null when the date does not exist (31/02). */
function existingDate(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const serial = serialFromYmd(year, month, day);
  const back = ymdFromSerial(serial);
  return back.year === year && back.month === month && back.day === day ? serial : null;
}

function reading(year: number, month: number, day: number, hour?: number, minute?: number): DateTextReading {
  const shownDate = `${pad(day)}/${pad(month)}/${year}`;
  const date = existingDate(year, month, day);
  if (date === null || !isSupportedSerial(date)) return { kind: "impossible", shown: shownDate };
  if (hour === undefined || minute === undefined) return { kind: "date", serial: date, shown: formatSerial(date) };
  if (hour > 23 || minute > 59) return { kind: "impossible", shown: `${shownDate} ${hour}:${pad(minute)}` };
  return { kind: "date", serial: date + (hour * 60 + minute) / 1440, shown: `${formatSerial(date)} ${pad(hour)}:${pad(minute)}` };
}

function hourOf(hourText: string | undefined, meridiem: string | undefined): number | undefined {
  if (hourText === undefined) return undefined;
  const hour = Number(hourText);
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase() === "p";
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * Reads a text typed where a date belongs, the Colombian way (day first): what it probably means, that
 * it names no real date, or null when it does not look like a date at all. Never used to convert a cell.
 * @example readDateText("15/03/2026") // { kind: "date", shown: "15/03/2026", … }
 * @example readDateText("2026-03-15 14:30") // { kind: "date", shown: "15/03/2026 14:30", … }
 * @example readDateText("31/02/2026") // { kind: "impossible", shown: "31/02/2026" }
 */
export function readDateText(text: string): DateTextReading {
  const trimmed = text.trim();
  let match = DAY_FIRST.exec(trimmed);
  if (match) {
    const [, d = "", m = "", y = "", h, min, meridiem] = match;
    let day = Number(d);
    let month = Number(m);
    // 03/15/2026 cannot be day-first: read it as written in the United States.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return reading(fullYear(y), month, day, hourOf(h, meridiem), min === undefined ? undefined : Number(min));
  }
  match = YEAR_FIRST.exec(trimmed);
  if (match) {
    const [, y = "", m = "", d = "", h, min] = match;
    return reading(Number(y), Number(m), Number(d), h === undefined ? undefined : Number(h), min === undefined ? undefined : Number(min));
  }
  match = MONTH_NAME.exec(trimmed);
  if (match) {
    const [, d = "", name = "", y = ""] = match;
    const month = MONTHS.get(name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
    if (month !== undefined) return reading(fullYear(y), month, Number(d));
  }
  return null;
}

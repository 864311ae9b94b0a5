// Speed of the calendar functions, which run once per row of a whole column: 100,000 DIAS_HABILES and TIEMPO_SERVICIO calls over 1-day
// and 10-year intervals, against formulajs' day-by-day NETWORKDAYS.INTL on the same inputs, same run.
import { NETWORKDAYS } from "@formulajs/formulajs";
import { colombianHolidays, serialFromYmd, ymdFromSerial } from "../domain/calendar";
import { businessDaysBetween, elapsedServiceTime } from "../functions/functions";

const CALLS = 100_000;
const ONE_DAY = 1;
const TEN_YEARS = 3652;
// formulajs loops over every day, so it runs on fewer calls and is scaled to calls per second.
const ORACLE_CALLS: Record<number, number> = { [ONE_DAY]: 20_000, [TEN_YEARS]: 200 };
const EXTRA_HOLIDAYS = [[serialFromYmd(2024, 11, 29)], [serialFromYmd(2025, 3, 4)]];

interface Measure {
  readonly callsPerSecond: number;
  readonly microsecondsPerCall: number;
}

/** Seeded starts in 2000–2029, so that every run times the same inputs. */
function startDates(count: number): number[] {
  let state = 12345;
  const first = serialFromYmd(2000, 1, 1);
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return first + (state % (30 * 365));
  });
}

function measure(calls: number, call: (index: number) => unknown): Measure {
  for (let i = 0; i < Math.min(calls, 2000); i++) call(i); // warm-up for the JIT
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < calls; i++) sink += Number(call(i)) || 0;
  const seconds = (performance.now() - started) / 1000;
  if (sink === Number.MIN_VALUE) console.log(sink); // keeps the results alive
  return { callsPerSecond: calls / seconds, microsecondsPerCall: (seconds * 1e6) / calls };
}

/** Holidays a spreadsheet user would pass to NETWORKDAYS.INTL: every Colombian holiday of the years covered. */
function holidaysCovering(first: number, last: number): number[] {
  const dates: number[] = EXTRA_HOLIDAYS.map((row) => row[0] ?? 0);
  for (let year = ymdFromSerial(first).year; year <= ymdFromSerial(last).year; year++) {
    for (const holiday of colombianHolidays(year)) dates.push(holiday.serial);
  }
  return dates;
}

const rate = (m: Measure): string =>
  `${Math.round(m.callsPerSecond).toLocaleString("es-CO")} llamadas/s (${m.microsecondsPerCall.toFixed(3)} µs/llamada)`;

/** Runs the benchmark and returns the report lines (also printed when run directly). */
export async function runCalendarBench(): Promise<string[]> {
  const starts = startDates(CALLS);
  const lines: string[] = [`Calendario: ${CALLS.toLocaleString("es-CO")} llamadas por caso`];
  const results: Record<string, Record<number, Measure>> = { DIAS_HABILES: {}, TIEMPO_SERVICIO: {}, formulajs: {} };
  for (const length of [ONE_DAY, TEN_YEARS]) {
    const label = length === ONE_DAY ? "1 día" : "10 años";
    const days = measure(CALLS, (i) => {
      const start = starts[i] ?? 0;
      return businessDaysBetween(start, start + length, false, EXTRA_HOLIDAYS);
    });
    const service = measure(CALLS, (i) => {
      const start = starts[i] ?? 0;
      return elapsedServiceTime(start + 0.35, start + length + 0.6, "d", false, EXTRA_HOLIDAYS);
    });
    const oracleCalls = ORACLE_CALLS[length] ?? 100;
    const oracleHolidays = starts.slice(0, oracleCalls).map((start) => holidaysCovering(start, start + length));
    const oracle = measure(oracleCalls, (i) => {
      const start = starts[i] ?? 0;
      // formulajs rewrites the holiday array it is given, so each call gets a fresh copy.
      return NETWORKDAYS.INTL(start, start + length, "0000011", [...(oracleHolidays[i] ?? [])]);
    });
    results.DIAS_HABILES![length] = days;
    results.TIEMPO_SERVICIO![length] = service;
    results.formulajs![length] = oracle;
    lines.push(
      `  ${label}: DIAS_HABILES ${rate(days)}`,
      `  ${label}: TIEMPO_SERVICIO ${rate(service)}`,
      `  ${label}: formulajs NETWORKDAYS.INTL ${rate(oracle)} (${oracleCalls.toLocaleString("es-CO")} llamadas)`,
      `  ${label}: DIAS_HABILES ${(days.callsPerSecond / oracle.callsPerSecond).toFixed(0)}× formulajs, ` +
        `TIEMPO_SERVICIO ${(service.callsPerSecond / oracle.callsPerSecond).toFixed(0)}× formulajs`,
    );
  }
  for (const name of ["DIAS_HABILES", "TIEMPO_SERVICIO"]) {
    const byLength = results[name] ?? {};
    const short = byLength[ONE_DAY];
    const long = byLength[TEN_YEARS];
    const oracleLong = results.formulajs?.[TEN_YEARS];
    if (!short || !long || !oracleLong) continue;
    const speedup = long.callsPerSecond / oracleLong.callsPerSecond;
    const costRatio = long.microsecondsPerCall / short.microsecondsPerCall;
    lines.push(
      `${name}: 10 años ${speedup.toFixed(0)}× más rápido que formulajs (meta ≥ 1000×: ${speedup >= 1000 ? "cumple" : "NO cumple"}); ` +
        `costo 10 años / 1 día = ${costRatio.toFixed(2)} (meta ≤ 2: ${costRatio <= 2 ? "cumple" : "NO cumple"})`,
    );
  }
  return lines;
}

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  runCalendarBench().then(
    (lines) => console.log(lines.join("\n")),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

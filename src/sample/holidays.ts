import { serialFromYmd, ymdFromSerial } from "../domain/calendar";

/** Two extra non-working days of last year (a día cívico and a DIAN system outage), for tblFestivosExtra. */
export function extraHolidays(today: number): { date: number; reason: string }[] {
  const { year } = ymdFromSerial(today);
  return [
    { date: serialFromYmd(year - 1, 9, 26), reason: "Día cívico decretado por la ciudad" },
    { date: serialFromYmd(year - 1, 11, 28), reason: "Contingencia de los servicios informáticos de la DIAN" },
  ].filter((holiday) => holiday.date < today);
}

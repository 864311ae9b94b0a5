export type { CalendarDate } from "./serial-date";
export { datePartOfSerial, formatSerial, serialFromIsoDate, serialFromYmd, weekdayOfSerial, ymdFromSerial } from "./serial-date";
export {
  CalendarRangeError,
  FIRST_CALENDAR_SERIAL,
  FIRST_CALENDAR_YEAR,
  LAST_CALENDAR_SERIAL,
  LAST_CALENDAR_YEAR,
  isSupportedSerial,
  isSupportedYear,
} from "./supported-range";
export { easterSunday } from "./easter";
export type { Holiday } from "./colombian-holidays";
export { colombianHolidays, colombianHolidaysOn } from "./colombian-holidays";
export type { BusinessCalendarOptions } from "./business-calendar";
export { BusinessCalendar, DEFAULT_WORK_END_HOUR, DEFAULT_WORK_START_HOUR } from "./business-calendar";
export { getBusinessCalendar } from "./business-calendar-cache";
export type { ServiceTimeUnit } from "./service-time";
export { serviceTime } from "./service-time";
export type { AnsStatus, AnsStatusInput } from "./ans-status";
export { AT_RISK_SHARE, ansStatus } from "./ans-status";
export type { ExtraHolidayReading } from "./extra-holidays";
export { isEmptyHolidayCell, readExtraHolidayCells } from "./extra-holidays";
export { todayInColombia } from "./today";
export type { DateArgument } from "./date-argument";
export { readDateArgumentValue } from "./date-argument";
export { CalendarMessages } from "./messages";

import { ansStatus, getBusinessCalendar, serialFromYmd, serviceTime } from "../../../src/domain/calendar";

const calendar = getBusinessCalendar(false);
const dateOf = (year: number, month: number, day: number): number => serialFromYmd(year, month, day);
const monday = dateOf(2025, 3, 3);

describe("ansStatus", () => {
  it.each([
    // [label, start, end, target, today, expected]
    ["Cumple when closed within the target", monday, dateOf(2025, 3, 6), 3, dateOf(2025, 4, 1), "Cumple"],
    ["No cumple when closed after the target", monday, dateOf(2025, 3, 7), 3, dateOf(2025, 4, 1), "No cumple"],
    ["Cumple on the same day with a 0 target", monday + 0.3, monday + 0.6, 0, monday, "Cumple"],
    ["En curso below 80 % of the target", monday, null, 5, dateOf(2025, 3, 6), "En curso"], // 3 of 5
    ["En riesgo at 80 % of the target", monday, null, 5, dateOf(2025, 3, 7), "En riesgo"], // 4 of 5
    ["En riesgo on the target itself", monday, null, 5, dateOf(2025, 3, 10), "En riesgo"], // 5 of 5
    ["Vencido past the target", monday, null, 5, dateOf(2025, 3, 11), "Vencido"], // 6 of 5
    ["En curso when today is before the start", monday, null, 5, dateOf(2025, 3, 1), "En curso"],
    ["empty without a start", null, null, 5, monday, ""],
    ["empty without a start even when closed", null, dateOf(2025, 3, 7), 5, monday, ""],
  ] as const)("returns %s", (_label, start, end, target, today, expected) => {
    expect(ansStatus({ start, end, target, today, calendar })).toBe(expected);
  });

  it("returns Cumple over a weekend and a holiday that a calendar-day count would fail", () => {
    // Friday 3 Jan 2025 → Tuesday 7 Jan 2025: 4 calendar days, 1 business day (6 Jan is Reyes Magos).
    expect(ansStatus({ start: dateOf(2025, 1, 3), end: dateOf(2025, 1, 7), target: 1, today: 0, calendar })).toBe("Cumple");
  });
});

describe("serviceTime", () => {
  it("returns business days for 'd' and business hours for 'h'", () => {
    const friday = dateOf(2025, 3, 7);
    const nextMonday = dateOf(2025, 3, 10);
    expect(serviceTime(friday + 16 / 24, nextMonday + 9 / 24, "d", calendar)).toBe(1);
    expect(serviceTime(friday + 16 / 24, nextMonday + 9 / 24, "h", calendar)).toBe(2);
  });
});

import { serialFromYmd } from "../../src/domain/calendar";
import { LocalExcelError } from "../../src/functions/excel-error";
import {
  businessDaysBetween,
  dueDate,
  elapsedServiceTime,
  holidayName,
  holidaysOfYear,
  isHoliday,
  nitCheckDigitOf,
  nitIsValid,
  ratingOfScore,
  serviceLevelStatus,
} from "../../src/functions/functions";
import { todayInColombia } from "../../src/domain/calendar";
import { excelErrorOf } from "./excel-error-of";

const dateOf = (year: number, month: number, day: number): number => serialFromYmd(year, month, day);
const at = (year: number, month: number, day: number, hour: number): number => dateOf(year, month, day) + hour / 24;

describe("TIEMPO_SERVICIO (elapsedServiceTime)", () => {
  it.each([
    ["same day", at(2025, 3, 4, 9), at(2025, 3, 4, 16), undefined, 0],
    ["Friday → Monday", at(2025, 3, 7, 9), at(2025, 3, 10, 9), undefined, 1],
    ["Friday → Tuesday over Reyes Magos", dateOf(2025, 1, 3), dateOf(2025, 1, 7), "d", 1],
    ["Friday 16:00 → Monday 09:00 in hours", at(2025, 3, 7, 16), at(2025, 3, 10, 9), "h", 2],
    ["unit in capitals", at(2025, 3, 7, 16), at(2025, 3, 10, 9), " H ", 2],
  ])("returns %s", (_label, inicio, fin, unidad, expected) => {
    expect(elapsedServiceTime(inicio, fin, unidad)).toBe(expected);
  });

  it("counts Saturday when sabado_habil is TRUE or the workbook's 'Sí'", () => {
    expect(elapsedServiceTime(dateOf(2025, 3, 7), dateOf(2025, 3, 8), "d", true)).toBe(1);
    expect(elapsedServiceTime(dateOf(2025, 3, 7), dateOf(2025, 3, 8), "d", "Sí")).toBe(1);
    expect(elapsedServiceTime(dateOf(2025, 3, 7), dateOf(2025, 3, 8), "d", "No")).toBe(0);
  });

  it("skips festivos_extra, ignoring the range's empty cells", () => {
    const extra = [[dateOf(2025, 3, 10)], [null], [""], [0]];
    expect(elapsedServiceTime(dateOf(2025, 3, 7), dateOf(2025, 3, 11), "d", false, extra)).toBe(1);
  });

  it.each([
    ["empty inicio", null, dateOf(2025, 3, 4)],
    ["empty fin (operation still open)", dateOf(2025, 3, 4), null],
    ["omitted fin", dateOf(2025, 3, 4), undefined],
    ["fin = \"\" from a formula", dateOf(2025, 3, 4), ""],
    ["fin = 0, Excel desktop's empty cell", dateOf(2025, 3, 4), 0],
  ])("returns \"\" for %s", (_label, inicio, fin) => {
    expect(elapsedServiceTime(inicio, fin)).toBe("");
  });

  describe("errors", () => {
    it.each([
      ["fin before inicio", at(2025, 3, 4, 10), at(2025, 3, 4, 9), undefined, /"fin" \(04\/03\/2025 09:00\) es anterior a "inicio" \(04\/03\/2025 10:00\)/],
      ["text as inicio", "2025-03-04", dateOf(2025, 3, 5), undefined, /"inicio" debe ser una fecha y recibió el texto "2025-03-04"/],
      ["a negative date", -5, dateOf(2025, 3, 5), undefined, /"inicio" no es una fecha válida/],
      ["a date before 1984", dateOf(1983, 6, 1), dateOf(2025, 3, 5), undefined, /fuera del calendario de festivos: use fechas entre 1984 y 2200/],
      ["an unknown unit", dateOf(2025, 3, 4), dateOf(2025, 3, 5), "días", /"unidad" debe ser "d" \(días hábiles\) o "h"/],
    ])("returns #VALUE! for %s", (_label, inicio, fin, unidad, message) => {
      const error = excelErrorOf(() => elapsedServiceTime(inicio, fin, unidad));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(message);
    });

    it("returns #VALUE! for a bad sabado_habil or festivos_extra", () => {
      expect(excelErrorOf(() => elapsedServiceTime(dateOf(2025, 3, 4), dateOf(2025, 3, 5), "d", "quizás")).message).toMatch(
        /"sabado_habil" debe ser VERDADERO o FALSO/,
      );
      expect(
        excelErrorOf(() => elapsedServiceTime(dateOf(2025, 3, 4), dateOf(2025, 3, 5), "d", false, [["día cívico"]])).message,
      ).toMatch(/"festivos_extra" debe contener solo fechas y contiene el texto "día cívico"/);
    });
  });
});

describe("DIAS_HABILES (businessDaysBetween)", () => {
  it("returns NETWORKDAYS.INTL semantics: both ends counted, negative when reversed", () => {
    expect(businessDaysBetween(dateOf(2025, 1, 1), dateOf(2025, 1, 31))).toBe(21);
    expect(businessDaysBetween(dateOf(2025, 1, 31), dateOf(2025, 1, 1))).toBe(-21);
    expect(businessDaysBetween(dateOf(2025, 1, 1), dateOf(2025, 1, 31), true)).toBe(25);
  });

  it.each([
    ["empty inicio", null, dateOf(2025, 1, 31), /Falta "inicio"/],
    ["empty fin", dateOf(2025, 1, 1), undefined, /Falta "fin"/],
    ["text fin", dateOf(2025, 1, 1), "mañana", /"fin" debe ser una fecha/],
    ["a boolean", true, dateOf(2025, 1, 1), /"inicio" debe ser una fecha y recibió el valor true/],
    ["a year past 2200", dateOf(2025, 1, 1), dateOf(2201, 1, 1), /"fin" \(01\/01\/2201\) está fuera del calendario/],
  ])("returns #VALUE! for %s", (_label, inicio, fin, message) => {
    const error = excelErrorOf(() => businessDaysBetween(inicio, fin));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("FECHA_LIMITE (dueDate)", () => {
  it("returns WORKDAY.INTL semantics as a serial", () => {
    expect(dueDate(dateOf(2025, 1, 3), 1)).toBe(dateOf(2025, 1, 7));
    expect(dueDate(dateOf(2025, 1, 4), 0)).toBe(dateOf(2025, 1, 4));
    expect(dueDate(dateOf(2025, 1, 3), 1, true)).toBe(dateOf(2025, 1, 4));
    expect(dueDate(dateOf(2025, 1, 3), 1, false, [[dateOf(2025, 1, 7)]])).toBe(dateOf(2025, 1, 8));
  });

  it("counts negative days backwards and truncates decimals toward zero, as WORKDAY.INTL", () => {
    // Tuesday 7 Jan 2025 minus one business day skips Monday 6 Jan (Reyes Magos) and the weekend.
    expect(dueDate(dateOf(2025, 1, 7), -1)).toBe(dateOf(2025, 1, 3));
    expect(dueDate(dateOf(2025, 1, 7), -1.9)).toBe(dateOf(2025, 1, 3));
    expect(dueDate(dateOf(2025, 1, 4), -0.5)).toBe(dateOf(2025, 1, 4));
    expect(dueDate(dateOf(2025, 1, 3), 1.9)).toBe(dateOf(2025, 1, 7));
  });

  it.each([
    ["text days", dateOf(2025, 1, 3), "tres", /"dias" debe ser un número y recibió el texto "tres"/],
    ["empty days", dateOf(2025, 1, 3), null, /Falta "dias"/],
    ["an entity data type as days", dateOf(2025, 1, 3), { type: "Entity", text: "Diez", properties: {} }, /"dias" debe ser un número y recibió un tipo de datos \(Entity\), que estas funciones no aceptan/],
    ["a due date past 2200", dateOf(2200, 12, 20), 30, /fuera del calendario de festivos/],
  ])("returns #VALUE! for %s", (_label, inicio, dias, message) => {
    const error = excelErrorOf(() => dueDate(inicio, dias));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("ES_FESTIVO and NOMBRE_FESTIVO", () => {
  it.each([
    [dateOf(2025, 1, 6), true, "Día de los Reyes Magos"],
    [dateOf(2025, 6, 30) + 0.5, true, "Sagrado Corazón de Jesús / San Pedro y San Pablo"],
    [dateOf(2026, 7, 13), true, "Virgen de Chiquinquirá"],
    [dateOf(2025, 7, 14), false, ""],
    [dateOf(2025, 3, 8), false, ""], // a Saturday is not a holiday
  ])("returns for serial %d: %s, %p", (fecha, holiday, name) => {
    expect(isHoliday(fecha)).toBe(holiday);
    expect(holidayName(fecha)).toBe(name);
  });

  it.each([
    ["text", "06/01/2025", /"fecha" debe ser una fecha/],
    ["an empty date", null, /Falta "fecha"/],
    ["a year before 1984", dateOf(1970, 1, 1), /fuera del calendario/],
  ])("returns #VALUE! for %s", (_label, fecha, message) => {
    for (const call of [() => isHoliday(fecha), () => holidayName(fecha)]) {
      const error = excelErrorOf(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(message);
    }
  });
});

describe("FESTIVOS (holidaysOfYear)", () => {
  it("returns a two-column array of serial and name, one row per holiday, sorted", () => {
    const rows = holidaysOfYear(2025);
    expect(rows).toHaveLength(18);
    expect(rows.every((row) => row.length === 2 && typeof row[0] === "number" && typeof row[1] === "string")).toBe(true);
    expect(rows[0]).toEqual([dateOf(2025, 1, 1), "Año Nuevo"]);
    expect(rows.map((row) => row[0])).toEqual([...rows.map((row) => row[0])].sort());
    expect(holidaysOfYear(2026)).toHaveLength(19);
  });

  it.each([
    ["a year before 1984", 1983, /"año" debe ser un año entero entre 1984 y 2200 y recibió 1983/],
    ["a year after 2200", 2201, /recibió 2201/],
    ["a fractional year", 2025.5, /recibió 2025.5/],
    ["a date serial instead of a year", dateOf(2025, 1, 1), /recibió 45658/],
    ["text", "2025", /"año" debe ser un número y recibió el texto "2025"/],
    ["empty", null, /Falta "año"/],
  ])("returns #VALUE! for %s", (_label, year, message) => {
    const error = excelErrorOf(() => holidaysOfYear(year));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("ESTADO_ANS (serviceLevelStatus)", () => {
  const monday = dateOf(2025, 3, 3);

  it.each([
    ["Cumple", monday, dateOf(2025, 3, 6), 3, undefined, "Cumple"],
    ["No cumple", monday, dateOf(2025, 3, 7), 3, undefined, "No cumple"],
    ["En curso", monday, null, 5, dateOf(2025, 3, 6), "En curso"],
    ["En riesgo", monday, null, 5, dateOf(2025, 3, 7), "En riesgo"],
    ["Vencido", monday, "", 5, dateOf(2025, 3, 11), "Vencido"],
    ["\"\" without inicio", null, null, 5, monday, ""],
    ["\"\" without meta", monday, null, null, monday, ""],
  ])("returns %s", (_label, inicio, fin, meta, hoy, expected) => {
    expect(serviceLevelStatus(inicio, fin, meta, hoy)).toBe(expected);
  });

  it("measures an open operation to today in Colombia when hoy is empty, whatever the computer's time zone", () => {
    jest.useFakeTimers({ now: new Date("2026-03-20T03:00:00Z") }); // 22:00 of Thursday 19 March in Bogotá
    try {
      // Started Wednesday 18 March, meta 1: one day by the 19th (En riesgo), two by the 20th (Vencido).
      expect(serviceLevelStatus(serialFromYmd(2026, 3, 18), null, 1)).toBe("En riesgo");
    } finally {
      jest.useRealTimers();
    }
  });

  it("measures an open operation to today when hoy is empty", () => {
    const start = todayInColombia(new Date()) - 30;
    expect(serviceLevelStatus(start, null, 1)).toBe("Vencido");
    expect(serviceLevelStatus(start, null, 1, 0)).toBe("Vencido"); // desktop's empty cell
  });

  it.each([
    ["fin before inicio", monday, monday - 1, 3, /es anterior a "inicio"/],
    ["a negative meta", monday, null, -1, /"meta" no puede ser negativa/],
    ["a text meta", monday, null, "cinco", /"meta" debe ser un número/],
  ])("returns #VALUE! for %s", (_label, inicio, fin, meta, message) => {
    const error = excelErrorOf(() => serviceLevelStatus(inicio, fin, meta, monday));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("NIT_DV (nitCheckDigitOf)", () => {
  it.each([
    ["800197268", 4],
    [800197268, 4],
    ["890.903.938", 8],
    [899999068, 1],
  ])("returns the check digit of %p", (nit, digit) => {
    expect(nitCheckDigitOf(nit)).toBe(digit);
  });

  it.each([
    ["letters", "80019726A", /"nit" debe tener solo dígitos .* recibió "80019726A"/],
    ["a check digit included", "800197268-4", /sin dígito de verificación/],
    ["a fractional number", 800197268.5, /"nit" debe tener solo dígitos/],
    ["a boolean", true, /"nit" debe tener solo dígitos/],
    ["empty", "", /Falta "nit"/],
  ])("returns #VALUE! for %s", (_label, nit, message) => {
    const error = excelErrorOf(() => nitCheckDigitOf(nit));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("NIT_VALIDO (nitIsValid)", () => {
  it.each([
    ["800197268-4", true],
    ["800.197.268-4", true],
    ["800197268-5", false],
    ["80019726A-4", false],
    [800197268, false],
    [null, false],
  ])("returns for %p: %s", (nit, valid) => {
    expect(nitIsValid(nit)).toBe(valid);
  });
});

describe("CALIFICACION (ratingOfScore)", () => {
  it.each([
    [95, undefined, "Excelente"],
    [80, "No", "Bueno"],
    [60, false, "Aceptable"],
    [59.9, null, "Deficiente"],
    [95, "Sí", "Deficiente"],
    [95, true, "Deficiente"],
    [null, undefined, ""],
  ])("returns for %p (excluyente %p): %p", (score, excluding, rating) => {
    expect(ratingOfScore(score, excluding)).toBe(rating);
  });

  it.each([
    ["a score over 100", 101, undefined, /"puntaje" debe estar entre 0 y 100 y recibió 101/],
    ["a negative score", -1, undefined, /entre 0 y 100/],
    ["a text score", "alto", undefined, /"puntaje" debe ser un número/],
    ["an unknown excluyente", 80, "tal vez", /"excluyente" debe ser VERDADERO o FALSO/],
  ])("returns #VALUE! for %s", (_label, score, excluding, message) => {
    const error = excelErrorOf(() => ratingOfScore(score, excluding));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(message);
  });
});

describe("Excel errors", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("returns a local error with code and message when the Office runtime is absent", () => {
    const error = excelErrorOf(() => holidaysOfYear(1900));
    expect(error).toBeInstanceOf(LocalExcelError);
    expect(error).toMatchObject({ code: "#VALUE!" });
  });

  it("returns CustomFunctions.Error when the Office runtime provides it, looked up at call time", () => {
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: RuntimeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    const error = excelErrorOf(() => nitCheckDigitOf("ABC"));
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/solo dígitos/) });
  });

  it("never lets an unexpected exception escape: it becomes #VALUE! with a Spanish message", () => {
    const hostile = { valueOf: () => { throw new TypeError("boom"); } };
    const calls = [
      () => elapsedServiceTime(hostile, hostile),
      () => businessDaysBetween(dateOf(2025, 1, 1), dateOf(2025, 1, 2), false, [[hostile]] as unknown[][]),
      () => dueDate(dateOf(2025, 1, 1), hostile),
      () => isHoliday(Symbol("x")),
      () => holidayName({}),
      () => holidaysOfYear([2025]),
      () => serviceLevelStatus(hostile, null, 1),
      () => nitCheckDigitOf({ toString: () => { throw new TypeError("boom"); } }),
      () => ratingOfScore(Number.NaN),
    ];
    for (const call of calls) {
      const error = excelErrorOf(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toEqual(expect.any(String));
    }
    expect(nitIsValid({})).toBe(false);
  });
});

import {
  a1Address,
  absoluteA1Address,
  areaAddress,
  columnLetters,
  parseA1,
  parseArea,
  qualifiedAddress,
  quotedSheetName,
} from "../../../src/domain/workbook/a1";

describe("columnLetters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });
});

describe("cell addresses", () => {
  it("writes relative and absolute addresses of 0-based coordinates", () => {
    expect(a1Address(0, 0)).toBe("A1");
    expect(a1Address(11, 5)).toBe("F12");
    expect(absoluteA1Address(1, 1)).toBe("$B$2");
    expect(absoluteA1Address(1_048_575, 16383)).toBe("$XFD$1048576");
  });

  it("reads relative, absolute, lower-case and padded addresses", () => {
    expect(parseA1("F12")).toEqual({ row: 11, col: 5 });
    expect(parseA1("$B$12")).toEqual({ row: 11, col: 1 });
    expect(parseA1("B$12")).toEqual({ row: 11, col: 1 });
    expect(parseA1(" aa3 ")).toEqual({ row: 2, col: 26 });
    expect(parseA1("XFD1048576")).toEqual({ row: 1_048_575, col: 16383 });
  });

  it("rejects what is not a single cell", () => {
    for (const text of ["", "A", "12", "A0", "ABCD1", "A1:B2", "Hoja!A1", "1A", "A-1"]) expect(parseA1(text)).toBeNull();
  });

  it("round-trips every column up to AAA and rows far down", () => {
    for (let col = 0; col <= 702; col++) {
      for (const row of [0, 9, 99_999]) {
        expect(parseA1(a1Address(row, col))).toEqual({ row, col });
        expect(parseA1(absoluteA1Address(row, col))).toEqual({ row, col });
      }
    }
  });
});

describe("areas", () => {
  it("writes a single cell alone and a larger area as a range", () => {
    expect(areaAddress({ row: 0, col: 0, rowCount: 1, colCount: 1 })).toBe("A1");
    expect(areaAddress({ row: 0, col: 0, rowCount: 10, colCount: 3 })).toBe("A1:C10");
    expect(areaAddress({ row: 3, col: 4, rowCount: 100_000, colCount: 1 })).toBe("E4:E100003");
    expect(areaAddress({ row: 1, col: 1, rowCount: 1, colCount: 26 })).toBe("B2:AA2");
  });

  it("never points before the area's first row or column when a dimension is empty", () => {
    expect(areaAddress({ row: 1, col: 1, rowCount: 0, colCount: 0 })).toBe("B2");
    expect(areaAddress({ row: 1, col: 1, rowCount: 3, colCount: 0 })).toBe("B2:B4");
    expect(areaAddress({ row: 1, col: 1, rowCount: 0, colCount: 3 })).toBe("B2:D2");
  });

  it("reads ranges, single cells and sheet-qualified references", () => {
    expect(parseArea("A1:C10")).toEqual({ row: 0, col: 0, rowCount: 10, colCount: 3 });
    expect(parseArea("B4")).toEqual({ row: 3, col: 1, rowCount: 1, colCount: 1 });
    expect(parseArea("Hoja!B4")).toEqual({ row: 3, col: 1, rowCount: 1, colCount: 1 });
    expect(parseArea("'No Conformidades'!$A$1:$D$9")).toEqual({ row: 0, col: 0, rowCount: 9, colCount: 4 });
    expect(parseArea("C10:A1")).toEqual({ row: 0, col: 0, rowCount: 10, colCount: 3 });
  });

  it("rejects unreadable references", () => {
    for (const text of ["", "A1:", ":B2", "A1:B", "Hoja!", "A:C", "1:10"]) expect(parseArea(text)).toBeNull();
  });

  it("round-trips areas", () => {
    const areas = [
      { row: 0, col: 0, rowCount: 1, colCount: 1 },
      { row: 4, col: 2, rowCount: 7, colCount: 1 },
      { row: 0, col: 25, rowCount: 100_001, colCount: 678 },
    ];
    for (const area of areas) expect(parseArea(areaAddress(area))).toEqual(area);
  });
});

describe("sheet names in references", () => {
  it("always quotes a sheet name for formulas, doubling its apostrophes", () => {
    expect(quotedSheetName("Parámetros")).toBe("'Parámetros'");
    expect(quotedSheetName("Operaciones")).toBe("'Operaciones'");
    expect(quotedSheetName("D'Alianza")).toBe("'D''Alianza'");
    expect(`=${quotedSheetName("Parámetros")}!${absoluteA1Address(1, 1)}`).toBe("='Parámetros'!$B$2");
  });

  it("quotes a qualified address only when the sheet name is not one plain word", () => {
    expect(qualifiedAddress("Operaciones", "F12")).toBe("Operaciones!F12");
    expect(qualifiedAddress("Parámetros", "$B$2")).toBe("Parámetros!$B$2");
    expect(qualifiedAddress("Evaluación_2026", "A1:C9")).toBe("Evaluación_2026!A1:C9");
    expect(qualifiedAddress("No Conformidades", "B4")).toBe("'No Conformidades'!B4");
    expect(qualifiedAddress("2026", "B4")).toBe("'2026'!B4");
    expect(qualifiedAddress("D'Alianza", "B4")).toBe("'D''Alianza'!B4");
    expect(qualifiedAddress("Respaldo (2)", "B4")).toBe("'Respaldo (2)'!B4");
  });

  it("gives back the sheet and address it was built from", () => {
    const reference = qualifiedAddress("No Conformidades", areaAddress({ row: 3, col: 1, rowCount: 2, colCount: 2 }));
    expect(reference).toBe("'No Conformidades'!B4:C5");
    expect(parseArea(reference)).toEqual({ row: 3, col: 1, rowCount: 2, colCount: 2 });
  });
});

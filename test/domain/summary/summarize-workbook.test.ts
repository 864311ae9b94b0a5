import { serialFromYmd } from "../../../src/domain/calendar";
import { summarizeWorkbook } from "../../../src/domain/summary";
import { CONTRACT_WARNING_DAYS } from "../../../src/domain/validation";
import { ALLIANCES, ANDES, CAPITAL, CARIBE, FRONTERA, alliance, fixtureModel, nonconformity, operation } from "../evaluation/fixture-model";

const TODAY = serialFromYmd(2025, 11, 20);

describe("summarizeWorkbook", () => {
  const summary = summarizeWorkbook(fixtureModel(), TODAY);
  const onTime = (name: string) => {
    const found = summary.onTimeByAlliance.find((a) => a.alliance === name);
    if (!found) throw new Error(`sin fila para ${name}`);
    return found;
  };

  it("reports the year of today and one on-time row per alliance, in tblAlianzas order", () => {
    expect(summary.year).toBe(2025);
    expect(summary.onTimeByAlliance.map((a) => a.alliance)).toEqual([CARIBE, FRONTERA, ANDES, CAPITAL]);
  });

  it("counts DOs with a number and no levante as open, whatever their year", () => {
    const blankRow = operation({ do: "  ", type: "", alliance: "", opened: [2025, 1, 1], arrival: null, documents: null, release: null });
    const open2024 = operation({ do: "DO-90", type: "Importación", alliance: CARIBE, opened: [2024, 3, 1], arrival: null, documents: null, release: null });
    const base = fixtureModel();
    expect(summary.openOperations).toBe(1); // DO-5
    expect(summarizeWorkbook({ ...base, operations: [...base.operations, blankRow, open2024] }, TODAY).openOperations).toBe(2);
  });

  // Worked by hand from SPEC §1.1 (start = later of arrival and documents, end = levante, business days
  // after the start up to the end on the alliance's calendar, minus client days; on time when ≤ meta).
  it("counts Caribe's 2025 DOs by hand: 5 measured, 4 on time", () => {
    // DO-2 4 d (6 Jan Reyes skipped) ≤ 5; DO-3 5 d (17–18 Apr Semana Santa skipped) ≤ 5; DO-4 export 5 d
    // (30 Jun San Pedro skipped) − 1 client day = 4 > 3; DO-6 export 1 d (4 Mar día cívico skipped) ≤ 3;
    // DO-7 3 d (1 Jan skipped) ≤ 5. DO-1 opened in 2024, DO-5 still open; DO-15 («  aliado CARIBE sas») is
    // not Caribe's: the sheet's MATCH ignores letter case only, so its leading spaces leave it without alliance.
    expect(onTime(CARIBE)).toMatchObject({ measured: 5, onTime: 4 });
    expect(onTime(CARIBE).onTimePct).toBe(80);
  });

  it("counts Frontera's 2025 DOs by hand on its Saturday calendar: 3 measured, 2 on time", () => {
    // DO-8 4 d (Sat 8 Feb counts) ≤ 4; DO-9 export 2 d (7 Aug skipped) ≤ 2; DO-10 8 d (13 Oct skipped,
    // Saturdays 11 and 18 count) > 4; DO-11 has its levante before the documents: not measured.
    expect(onTime(FRONTERA)).toMatchObject({ measured: 3, onTime: 2 });
    expect(onTime(FRONTERA).onTimePct).toBeCloseTo((2 / 3) * 100, 10);
  });

  it("counts a DO whose Meta ANS is blank against 0, as the sheet's Meta ANS shows it", () => {
    // Andes: an import in 1 day (meta 6) on time; an export in 1 day with Meta exportación blank (0), late.
    expect(onTime(ANDES)).toEqual({ alliance: ANDES, measured: 2, onTime: 1, onTimePct: 50 });
  });

  it("shows no percentage for an alliance without DOs measured this year", () => {
    expect(onTime(CAPITAL)).toEqual({ alliance: CAPITAL, measured: 0, onTime: 0, onTimePct: null });
  });

  it("matches the DO's Aliado to the alliance as the sheet's MATCH does: letter case only", () => {
    const cucuta = alliance("Aliado Cúcuta", { importTarget: 5 });
    const typed = (doNumber: string, name: string) =>
      operation({ do: doNumber, type: "Importación", alliance: name, opened: [2025, 5, 5], arrival: [2025, 5, 6], documents: [2025, 5, 6], release: [2025, 5, 8] });
    const otherCase = typed("DO-50", "ALIADO CÚCUTA");
    const noAccent = typed("DO-51", "Aliado Cucuta");
    const spaces = typed("DO-52", " aliado  cúcuta");
    const result = summarizeWorkbook(fixtureModel({ alliances: [cucuta], operations: [otherCase, noAccent, spaces] }), TODAY);
    // Only DO-50 is Cúcuta's: 2 days (6 → 8 May) ≤ 5.
    expect(result.onTimeByAlliance).toEqual([{ alliance: "Aliado Cúcuta", measured: 1, onTime: 1, onTimePct: 100 }]);
  });

  it("leaves out alliance rows without a name", () => {
    const result = summarizeWorkbook(fixtureModel({ alliances: [...ALLIANCES, alliance("  ")] }), TODAY);
    expect(result.onTimeByAlliance.map((a) => a.alliance)).toEqual([CARIBE, FRONTERA, ANDES, CAPITAL]);
  });

  describe("open non-conformities", () => {
    it("counts those neither Cerrada nor Anulada", () => {
      // NC-2025-003 Abierta, NC-2025-006 En análisis, NC-2025-007 Abierta.
      expect(summary.openNonconformities).toBe(3);
    });

    it("ignores blank rows and reads the Estado ignoring case and spaces", () => {
      const base = fixtureModel();
      const extra = [
        { ...nonconformity({ number: "", date: [2025, 9, 1], type: "", status: "" }), description: "" },
        nonconformity({ number: "NC-2025-020", date: [2025, 9, 2], type: "Queja", status: " cerrada " }),
        nonconformity({ number: "NC-2025-021", date: [2025, 9, 3], type: "Queja", status: "ANULADA" }),
        nonconformity({ number: "NC-2025-022", date: [2025, 9, 4], type: "Queja", status: "" }),
      ];
      expect(summarizeWorkbook({ ...base, nonconformities: [...base.nonconformities, ...extra] }, TODAY).openNonconformities).toBe(4);
    });
  });

  describe("contracts ending soon", () => {
    const ending = (name: string, daysAhead: number, contract = "C-1") => alliance(name, { contract, contractEnd: TODAY + daysAhead });

    it("lists contracts already ended and those ending up to CONTRACT_WARNING_DAYS ahead, the longest overdue first, with the date as dd/mm/aaaa", () => {
      const alliances = [
        ending("Vence en el límite", CONTRACT_WARNING_DAYS, "CT-60"),
        ending("Vence hoy", 0, "CT-0"),
        ending("Vence después", CONTRACT_WARNING_DAYS + 1),
        ending("Ya venció", -1, "CT-1"),
        alliance("Terminado", { contract: "CT-T", contractEnd: TODAY - 30, status: "terminado" }),
        alliance("Fechas al revés", { contract: "CT-R", contractStart: TODAY + 10, contractEnd: TODAY + 5 }),
        alliance("Sin fecha", { contractEnd: null }),
        ending("Vence pronto", 45, "CT-07"),
      ];
      expect(summarizeWorkbook(fixtureModel({ alliances }), TODAY).expiringContracts).toEqual([
        { alliance: "Ya venció", contract: "CT-1", end: "19/11/2025", daysLeft: -1 },
        { alliance: "Vence hoy", contract: "CT-0", end: "20/11/2025", daysLeft: 0 },
        { alliance: "Vence pronto", contract: "CT-07", end: "04/01/2026", daysLeft: 45 },
        { alliance: "Vence en el límite", contract: "CT-60", end: "19/01/2026", daysLeft: 60 },
      ]);
    });

    it("counts whole days, so an end typed with a time on the last day is still listed", () => {
      const alliances = [ending("Con hora", CONTRACT_WARNING_DAYS + 0.75)];
      expect(summarizeWorkbook(fixtureModel({ alliances }), TODAY).expiringContracts.map((c) => c.daysLeft)).toEqual([CONTRACT_WARNING_DAYS]);
    });

    it("lists none when every contract ends later", () => {
      expect(summary.expiringContracts).toEqual([]);
    });
  });
});

import { readDateText } from "../../../src/domain/validation";

describe("readDateText", () => {
  it.each([
    ["15/03/2026", "15/03/2026"],
    ["15-03-2026", "15/03/2026"],
    ["15.3.26", "15/03/2026"],
    ["2026-03-15", "15/03/2026"],
    ["2026/3/5", "05/03/2026"],
    ["15-mar-2026", "15/03/2026"],
    ["15 de marzo de 2026", "15/03/2026"],
    ["03/15/2026", "15/03/2026"],
    ["15/03/2026 14:30", "15/03/2026 14:30"],
    ["15/03/2026 2:30 p.m.", "15/03/2026 14:30"],
    ["2026-03-15T08:05:00", "15/03/2026 08:05"],
  ])("reads %p as %p", (text, shown) => {
    expect(readDateText(text)).toMatchObject({ kind: "date", shown });
  });

  it("says when the date does not exist", () => {
    expect(readDateText("31/02/2026")).toEqual({ kind: "impossible", shown: "31/02/2026" });
    expect(readDateText("29/02/2025")).toMatchObject({ kind: "impossible" });
  });

  it.each(["pendiente", "DO-1001", "15/03", "2026", ""])("does not read %p as a date", (text) => {
    expect(readDateText(text)).toBeNull();
  });
});

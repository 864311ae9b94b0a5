/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import type { DiagnosticReport } from "../../src/excel/action-types";
import { DiagnosticsSection } from "../../src/taskpane/components/DiagnosticsSection";
import { mockActions } from "./mock-actions";
import { renderInProvider } from "./render";

const REPORT: DiagnosticReport = {
  platform: "Mac",
  version: "16.89",
  requirementSets: [
    { name: "ExcelApi", version: "1.7", supported: true, uses: ["copiar una hoja como respaldo"] },
    { name: "ExcelApi", version: "1.13", supported: false, uses: ["ampliar una tabla existente"] },
  ],
  checks: [
    { feature: "Crear una tabla", status: "ok", detail: "" },
    { feature: "Ampliar una tabla con resize", status: "omitida", detail: "Su versión de Excel no admite ampliar una tabla existente (ExcelApi 1.13): el complemento omite ese paso." },
    { feature: "Fórmulas con funciones ADUANA", status: "falla", detail: 'ADUANA.ES_FESTIVO(DATE(2026,1,12)) devolvió "#NAME?" en vez de true' },
  ],
};

const fixedNow = () => new Date(2026, 2, 16, 10, 5);

function clipboard(writeText: jest.Mock) {
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
}

describe("Diagnóstico", () => {
  it("runs the check and shows each feature with its result, the platform and the version", async () => {
    const actions = mockActions({ diagnostico: jest.fn().mockResolvedValue(REPORT) });
    const { user } = renderInProvider(<DiagnosticsSection actions={actions} now={fixedNow} />);
    await user.click(screen.getByRole("button", { name: "Ejecutar diagnóstico" }));
    expect(await screen.findByText(/1 función falla en este Excel/)).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Resultado por función" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "OK Crear una tabla",
      "Omitida Ampliar una tabla con resizeSu versión de Excel no admite ampliar una tabla existente (ExcelApi 1.13): el complemento omite ese paso.",
      'Falla Fórmulas con funciones ADUANAADUANA.ES_FESTIVO(DATE(2026,1,12)) devolvió "#NAME?" en vez de true',
    ]);
    expect(screen.getByText("Excel para Mac (Mac), versión 16.89")).toBeInTheDocument();
    const text = screen.getByRole("textbox", { name: "Informe para soporte" });
    expect((text as HTMLTextAreaElement).value).toContain("Fecha: 2026-03-16 10:05");
    expect((text as HTMLTextAreaElement).value).toContain("- ExcelApi 1.13: no (ampliar una tabla existente)");
  });

  it("copies the report's text with «Copiar informe» and says so", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    const actions = mockActions({ diagnostico: jest.fn().mockResolvedValue(REPORT) });
    const { user } = renderInProvider(<DiagnosticsSection actions={actions} now={fixedNow} />);
    await user.click(screen.getByRole("button", { name: "Ejecutar diagnóstico" }));
    clipboard(writeText);
    await user.click(await screen.findByRole("button", { name: "Copiar informe" }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]?.[0]).toMatch(/^Control de Alianzas — Diagnóstico de Excel\n/);
    expect(writeText.mock.calls[0]?.[0]).toContain("- Fórmulas con funciones ADUANA: falla — ADUANA.ES_FESTIVO");
    expect(await screen.findByText("Informe copiado. Péguelo en su solicitud de soporte.")).toBeInTheDocument();
  });

  it("selects the report for Ctrl+C when Excel blocks the clipboard", async () => {
    const actions = mockActions({ diagnostico: jest.fn().mockResolvedValue({ ...REPORT, checks: [REPORT.checks[0]!] }) });
    const { user } = renderInProvider(<DiagnosticsSection actions={actions} now={fixedNow} />);
    await user.click(screen.getByRole("button", { name: "Ejecutar diagnóstico" }));
    expect(await screen.findByText("Todo funciona en este Excel.")).toBeInTheDocument();
    clipboard(jest.fn().mockRejectedValue(new Error("NotAllowedError")));
    await user.click(screen.getByRole("button", { name: "Copiar informe" }));
    expect(await screen.findByText(/cópielo con Ctrl\+C/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Informe para soporte" })).toHaveFocus();
  });

  it("can be started from the keyboard", async () => {
    const actions = mockActions({ diagnostico: jest.fn().mockResolvedValue(REPORT) });
    const { user } = renderInProvider(<DiagnosticsSection actions={actions} now={fixedNow} />);
    await user.tab();
    expect(screen.getByRole("button", { name: "Ejecutar diagnóstico" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(actions.diagnostico).toHaveBeenCalledTimes(1);
  });
});

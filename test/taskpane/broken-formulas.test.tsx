/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { change, mockActions } from "./mock-actions";
import { renderInProvider } from "./render";

const base = { theme: webLightTheme, defaultYear: 2025, today: "2026-03-16" };
const WARNING = /fórmulas? ADUANA muestra/;

/** The pane's action buttons, not the accordion headers that share a name. */
const actionButton = (name: string) => screen.getAllByRole("button", { name }).find((b) => !b.hasAttribute("aria-expanded"));

/** Lets the opening check settle, for tests asserting that nothing appears. */
async function settle(detection: Promise<unknown>) {
  await act(async () => {
    await detection.catch(() => undefined);
  });
}

describe("#NAME? warning when the pane opens", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error");
  });
  afterEach(() => consoleError.mockRestore());

  it("warns at the top of the pane and repairs with one click, then shows the result instead", async () => {
    const actions = mockActions({
      detectarFormulasRotas: jest.fn().mockResolvedValue(3),
      repararFormulas: jest.fn().mockResolvedValue({ ...change(["Se volvieron a escribir 3 fórmulas ADUANA que mostraban #NAME?."]), repaired: 3 }),
    });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    const warning = await screen.findByText(
      "3 fórmulas ADUANA muestran #¿NOMBRE? (#NAME?): Excel aún no reconoce las funciones del complemento en este libro.",
    );
    const firstSection = screen.getAllByRole("button", { name: "Preparar cuadro" }).find((b) => b.hasAttribute("aria-expanded"))!;
    expect(warning.compareDocumentPosition(firstSection) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(actions.detectarFormulasRotas).toHaveBeenCalledTimes(1);

    await user.click(actionButton("Reparar fórmulas")!);
    expect(actions.repararFormulas).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Se repararon 3 fórmulas.")).toBeInTheDocument();
    expect(screen.queryByText(WARNING)).not.toBeInTheDocument();
    // The bar's button is gone; focus stays at the top of the pane, not lost to the page body.
    expect(document.activeElement).not.toBe(document.body);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("is reachable and usable with the keyboard alone", async () => {
    const actions = mockActions({
      detectarFormulasRotas: jest.fn().mockResolvedValue(2),
      repararFormulas: jest.fn().mockResolvedValue({ ...change(["Se volvieron a escribir 2 fórmulas ADUANA que mostraban #NAME?."]), repaired: 2 }),
    });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await screen.findByText(WARNING);
    // The bar comes first in the tab order (Fluent puts its close button before the actions).
    await user.tab();
    expect(screen.getByRole("button", { name: "Cerrar aviso de fórmulas" })).toHaveFocus();
    // Tabster's Tab handling does not run in jsdom past this point, so move to the next button directly.
    act(() => actionButton("Reparar fórmulas")!.focus());
    await user.keyboard("{Enter}");
    expect(await screen.findByText("Se repararon 2 fórmulas.")).toBeInTheDocument();
    expect(actions.repararFormulas).toHaveBeenCalledTimes(1);
  });

  it("says 1 fórmula in the singular", async () => {
    renderInProvider(<App inExcel actions={mockActions({ detectarFormulasRotas: jest.fn().mockResolvedValue(1) })} {...base} />);
    expect(await screen.findByText(/^1 fórmula ADUANA muestra #¿NOMBRE\? \(#NAME\?\):/)).toBeInTheDocument();
  });

  it("closes without touching the workbook", async () => {
    const actions = mockActions({ detectarFormulasRotas: jest.fn().mockResolvedValue(4) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await screen.findByText(WARNING);
    await user.click(screen.getByRole("button", { name: "Cerrar aviso de fórmulas" }));
    expect(screen.queryByText(WARNING)).not.toBeInTheDocument();
    expect(actions.repararFormulas).not.toHaveBeenCalled();
    expect(document.activeElement).not.toBe(document.body);
  });

  it("keeps the warning and shows the Spanish error when the repair fails, so the user can retry", async () => {
    const actions = mockActions({
      detectarFormulasRotas: jest.fn().mockResolvedValue(3),
      repararFormulas: jest.fn().mockRejectedValue(new Error("No se pudo reparar las fórmulas. Termine de editar la celda (Enter o Esc) y vuelva a intentarlo.")),
    });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await screen.findByText(WARNING);
    await user.click(actionButton("Reparar fórmulas")!);
    expect(await screen.findByText(/Termine de editar la celda/)).toBeInTheDocument();
    expect(screen.getByText(WARNING)).toBeInTheDocument();
    expect(actionButton("Reparar fórmulas")).toBeEnabled();
  });

  it("shows nothing when no formula needs repair", async () => {
    const detection = Promise.resolve(0);
    const actions = mockActions({ detectarFormulasRotas: jest.fn(() => detection) });
    renderInProvider(<App inExcel actions={actions} {...base} />);
    await settle(detection);
    expect(actions.detectarFormulasRotas).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(WARNING)).not.toBeInTheDocument();
    expect(actionButton("Reparar fórmulas")).toBeUndefined();
  });

  it("stays silent when the check fails: no warning, no error, nothing logged, the pane still works", async () => {
    const detection = Promise.reject(new Error("No se pudo buscar fórmulas con #NAME?."));
    const actions = mockActions({ detectarFormulasRotas: jest.fn(() => detection), prepararCuadro: jest.fn().mockResolvedValue(change(["Se creó la tabla tblAlianzas."])) });
    const { user } = renderInProvider(<App inExcel actions={actions} {...base} />);
    await settle(detection);
    expect(screen.queryByText(WARNING)).not.toBeInTheDocument();
    expect(screen.queryByText("No se pudo completar")).not.toBeInTheDocument();
    await user.click(actionButton("Preparar cuadro")!);
    expect(await screen.findByText("Se creó la tabla tblAlianzas.")).toBeInTheDocument();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("does not check outside Excel", async () => {
    const actions = mockActions({ detectarFormulasRotas: jest.fn().mockResolvedValue(3) });
    renderInProvider(<App inExcel={false} actions={actions} {...base} />);
    await waitFor(() => expect(screen.getByText(/Abra este complemento desde Excel/)).toBeInTheDocument());
    expect(actions.detectarFormulasRotas).not.toHaveBeenCalled();
  });
});

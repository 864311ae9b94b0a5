/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, screen, waitFor } from "@testing-library/react";
import type { OnProgress } from "../../src/excel/action-types";
import { ValidateSection } from "../../src/taskpane/components/ValidateSection";
import { PrepareSection } from "../../src/taskpane/components/PrepareSection";
import { change, mockActions, report } from "./mock-actions";
import { renderInProvider } from "./render";

describe("progress of long actions", () => {
  it("shows a determinate bar that says how many rows were read, for screen readers too, and removes it at the end", async () => {
    let progress: OnProgress = () => undefined;
    let finish: (value: ReturnType<typeof report>) => void = () => undefined;
    const actions = mockActions({
      validar: jest.fn((onProgress?: OnProgress) => {
        progress = onProgress ?? progress;
        return new Promise((resolve) => (finish = resolve));
      }),
    });
    const { user } = renderInProvider(<ValidateSection actions={actions} onRegisterNonconformity={() => undefined} />);
    await user.click(screen.getByRole("button", { name: "Validar" }));
    act(() => progress({ phase: "leyendo", done: 40_000, total: 100_000 }));
    const bar = await screen.findByRole("progressbar", {}, { timeout: 2000 });
    expect(bar).toHaveAccessibleName("Validando el cuadro…");
    expect(bar).toHaveAttribute("aria-valuenow", "40000");
    expect(bar).toHaveAttribute("aria-valuemax", "100000");
    expect(bar).toHaveAttribute("aria-valuetext", "Leyendo filas 40.000 de 100.000…");
    expect(screen.getByText("Leyendo filas 40.000 de 100.000…")).toBeInTheDocument();

    act(() => progress({ phase: "leyendo", done: 80_000, total: 100_000 }));
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuetext", "Leyendo filas 80.000 de 100.000…");

    finish(report([]));
    await waitFor(() => expect(screen.queryByRole("progressbar")).not.toBeInTheDocument());
    expect(screen.queryByText(/Leyendo filas/)).not.toBeInTheDocument();
  });

  it("keeps the spinner when the action reports no progress, and a new run starts without the last run's figures", async () => {
    let progress: OnProgress = () => undefined;
    let finish: (value: ReturnType<typeof change>) => void = () => undefined;
    const actions = mockActions({
      prepararCuadro: jest.fn((onProgress?: OnProgress) => {
        progress = onProgress ?? progress;
        return new Promise((resolve) => (finish = resolve));
      }),
    });
    const { user } = renderInProvider(<PrepareSection actions={actions} />);
    await user.click(screen.getByRole("button", { name: "Preparar cuadro" }));
    act(() => progress({ phase: "escribiendo", done: 3, total: 12 }));
    expect(await screen.findByRole("progressbar", {}, { timeout: 2000 })).toHaveAttribute("aria-valuetext", "Escribiendo en el libro: parte 3 de 12…");
    finish(change(["Listo."]));
    await screen.findByText("Listo.");

    await user.click(screen.getByRole("button", { name: "Preparar cuadro" }));
    // The spinner (also a progressbar, without figures) until the new run reports.
    expect(await screen.findByText("Trabajando en el libro…", {}, { timeout: 2000 })).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).not.toHaveAttribute("aria-valuetext");
    expect(screen.queryByText(/Escribiendo en el libro/)).not.toBeInTheDocument();
    finish(change(["Listo otra vez."]));
    await screen.findByText("Listo otra vez.");
  });
});

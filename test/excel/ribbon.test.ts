import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OfficeMockObject } from "office-addin-mock";
import { serialFromYmd } from "../../src/domain/calendar";
import type { RibbonNotice } from "../../src/excel/ribbon";
import { awaitRibbonRuntime, createEvaluationCommand, createRibbonHandler, provideRibbonRuntime, registerRibbonCommands } from "../../src/excel/ribbon";

/**
 * The functions the manifest's buttons call: each ExecuteFunction action's FunctionName, which Office looks up
 * among the ids given to Office.actions.associate
 * (https://learn.microsoft.com/javascript/api/manifest/functionfile).
 */
function manifestFunctionNames(): string[] {
  const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
  return [...manifest.matchAll(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1] ?? "");
}

const TODAY = serialFromYmd(2026, 2, 10);

function officeMock() {
  const calls: string[] = [];
  const mock = new OfficeMockObject({
    addin: {
      showAsTaskpane: async () => {
        calls.push("showAsTaskpane");
      },
    },
    actions: {
      associate: (id: string, handler: unknown) => {
        calls.push(`associate:${id}:${typeof handler}`);
      },
    },
  });
  (globalThis as unknown as { Office: unknown }).Office = mock;
  return calls;
}

describe("ribbon command Evaluación anual", () => {
  it("associates a handler with every function the manifest's buttons call, without needing the pane's actions yet", () => {
    const names = manifestFunctionNames();
    expect(names).toHaveLength(1);
    const calls = officeMock();
    expect(registerRibbonCommands()).toBe(true);
    expect(calls).toEqual(names.map((name) => `associate:${name}:function`));
  });

  it("registers nothing and does not fail where Office is absent", () => {
    delete (globalThis as unknown as { Office?: unknown }).Office;
    expect(registerRibbonCommands()).toBe(false);
  });

  it("a click that comes before the pane's bundle has loaded waits for its actions, then runs", async () => {
    const calls = officeMock();
    const completed = jest.fn();
    const generarEvaluacion = jest.fn().mockResolvedValue({ sheet: "Evaluación 2025", notes: [], conflicts: [], skipped: [], cellsWritten: 10 });
    const notices: RibbonNotice[] = [];
    let provided = false;
    const wait = () => {
      const pending = awaitRibbonRuntime(5_000);
      // The pane's bundle provides its runtime after the click was received.
      setTimeout(() => {
        provided = true;
        provideRibbonRuntime({ actions: { generarEvaluacion }, notify: (n) => notices.push(n) });
      }, 10);
      return pending;
    };
    const click = createRibbonHandler(wait, () => TODAY)({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).not.toHaveBeenCalled();
    await click;
    expect(provided).toBe(true);
    expect(generarEvaluacion).toHaveBeenCalledWith(2025);
    expect(notices.map((n) => n.kind)).toEqual(["progress", "success"]);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
  });

  it("completes the event even when the pane's bundle never provides its actions", async () => {
    officeMock();
    const completed = jest.fn();
    await createRibbonHandler(() => Promise.resolve(null), () => TODAY)({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("generates the last complete year and completes the event", async () => {
    const calls = officeMock();
    const generarEvaluacion = jest.fn().mockResolvedValue({ sheet: "Evaluación 2025", notes: [], conflicts: [], skipped: [], cellsWritten: 10 });
    const notices: RibbonNotice[] = [];
    const completed = jest.fn();
    await createEvaluationCommand({ generarEvaluacion }, (n) => notices.push(n), () => TODAY)({ completed } as unknown as Office.AddinCommands.Event);
    expect(generarEvaluacion).toHaveBeenCalledWith(2025);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(notices.map((n) => n.kind)).toEqual(["progress", "success"]);
    expect(notices[1]?.message).toBe("Se generó la hoja «Evaluación 2025».");
    expect(calls).toEqual([]);
  });

  it("on failure opens the pane with the Spanish error and still completes the event", async () => {
    const calls = officeMock();
    const generarEvaluacion = jest.fn().mockRejectedValue(new Error("No se pudo generar la evaluación 2025. Use «Preparar cuadro»."));
    const notices: RibbonNotice[] = [];
    const completed = jest.fn();
    await createEvaluationCommand({ generarEvaluacion }, (n) => notices.push(n), () => TODAY)({ completed } as unknown as Office.AddinCommands.Event);
    expect(notices[notices.length - 1]).toEqual({ kind: "error", message: "No se pudo generar la evaluación 2025. Use «Preparar cuadro»." });
    expect(calls).toEqual(["showAsTaskpane"]);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

import { PaneMessages } from "../messages";
import { Button, Text } from "@fluentui/react-components";
import type { Actions, ChangeResult } from "../../excel/action-types";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";
import { ChangeSummary } from "./ChangeSummary";

export interface PrepareSectionProps {
  actions: Pick<Actions, "prepararCuadro" | "cargarDatosEjemplo">;
}

/** "Preparar cuadro": structure the workbook, or fill it with the demo's sample data on a first run. */
export function PrepareSection({ actions }: PrepareSectionProps) {
  const action = useAction<{ kind: "prepare" | "sample"; result: ChangeResult }>();
  const last = action.result;
  return (
    <div className="section-body">
      <Text>
        {PaneMessages.prepareExplained}
      </Text>
      <div className="button-row">
        <Button appearance="primary" disabled={action.running} onClick={() => void action.run(async (onProgress) => ({ kind: "prepare", result: await actions.prepararCuadro(onProgress) }))}>
          Preparar cuadro
        </Button>
        <Button disabled={action.running} onClick={() => void action.run(async (onProgress) => ({ kind: "sample", result: await actions.cargarDatosEjemplo(onProgress) }))}>
          Cargar datos de ejemplo
        </Button>
      </div>
      <ActionFeedback slow={action.slow} error={action.error} progress={action.progress} progressLabel={PaneMessages.working} />
      {last && !action.running && (
        <ChangeSummary
          result={last.result}
          unchangedText={last.kind === "prepare" ? PaneMessages.alreadyPrepared : PaneMessages.sampleAlreadyThere}
        />
      )}
    </div>
  );
}

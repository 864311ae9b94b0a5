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
        Crea o completa las hojas Operaciones, Alianzas, No Conformidades y Parámetros con sus tablas, fórmulas, listas y formatos.
        Antes de reestructurar una hoja guarda una copia «Respaldo…»; nunca borra lo que usted escribió.
      </Text>
      <div className="button-row">
        <Button appearance="primary" disabled={action.running} onClick={() => void action.run(async (onProgress) => ({ kind: "prepare", result: await actions.prepararCuadro(onProgress) }))}>
          Preparar cuadro
        </Button>
        <Button disabled={action.running} onClick={() => void action.run(async (onProgress) => ({ kind: "sample", result: await actions.cargarDatosEjemplo(onProgress) }))}>
          Cargar datos de ejemplo
        </Button>
      </div>
      <ActionFeedback slow={action.slow} error={action.error} progress={action.progress} progressLabel="Trabajando en el libro…" />
      {last && !action.running && (
        <ChangeSummary
          result={last.result}
          unchangedText={last.kind === "prepare" ? "El cuadro ya estaba preparado; no se cambió nada." : "No se agregaron datos de ejemplo: el libro ya los tiene."}
        />
      )}
    </div>
  );
}

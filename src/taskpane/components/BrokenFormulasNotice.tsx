import { PaneMessages } from "../messages";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Actions, RepairResult } from "../../excel/action-types";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";
import { RepairOutcome } from "./RepairOutcome";

export interface BrokenFormulasNoticeProps {
  actions: Pick<Actions, "detectarFormulasRotas" | "repararFormulas">;
}

/** The warning's sentence, in the singular for one formula. */
export function brokenFormulasText(count: number): string {
  return PaneMessages.brokenFormulas(count);
}

/** SPEC §6: when the pane opens on a workbook whose ADUANA formulas show #NAME?, offer to re-enter them. */
export function BrokenFormulasNotice({ actions }: BrokenFormulasNoticeProps) {
  const [count, setCount] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const repair = useAction<RepairResult>();
  const region = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let active = true;
    // A courtesy check: if it fails the user still has the Reparar fórmulas section, so nothing is shown or logged.
    void actions.detectarFormulasRotas().then(
      (found) => {
        if (active) setCount(found);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [actions]);

  if (count === 0) return null;

  // The bar's buttons disappear with it: keep keyboard and screen-reader users at the top of the pane.
  const close = () => {
    setDismissed(true);
    region.current?.focus();
  };
  const runRepair = async () => {
    if ((await repair.run((onProgress) => actions.repararFormulas(onProgress))) !== null) region.current?.focus();
  };

  return (
    <div ref={region} tabIndex={-1} className="broken-formulas-notice">
      {!dismissed && repair.result === null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{brokenFormulasText(count)}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label="Cerrar aviso de fórmulas" onClick={close}>
                Cerrar
              </Button>
            }
          >
            <Button appearance="primary" size="small" disabled={repair.running} onClick={() => void runRepair()}>
              Reparar fórmulas
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ActionFeedback slow={repair.slow} error={repair.error} progress={repair.progress} progressLabel={PaneMessages.repairing} />
      {repair.result && !repair.running && <RepairOutcome result={repair.result} />}
    </div>
  );
}

import { PaneMessages } from "../messages";
import { Button, Text } from "@fluentui/react-components";
import type { Actions } from "../../excel/action-types";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";
import { RepairOutcome } from "./RepairOutcome";

export interface RepairSectionProps {
  actions: Pick<Actions, "repararFormulas">;
}

/** SPEC §6: re-enter ADUANA formulas that show #NAME? after the workbook was reopened. */
export function RepairSection({ actions }: RepairSectionProps) {
  const action = useAction<Awaited<ReturnType<Actions["repararFormulas"]>>>();
  const result = action.result;
  return (
    <div className="section-body">
      <Text>
        {PaneMessages.repairExplained}
      </Text>
      <div className="button-row">
        <Button appearance="primary" disabled={action.running} onClick={() => void action.run((onProgress) => actions.repararFormulas(onProgress))}>
          Reparar fórmulas
        </Button>
      </div>
      <ActionFeedback slow={action.slow} error={action.error} progress={action.progress} progressLabel={PaneMessages.findingBroken} />
      {result && !action.running && <RepairOutcome result={result} />}
    </div>
  );
}

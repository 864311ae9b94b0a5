import { PaneMessages } from "../messages";
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { WorkbookSummary } from "../../domain/summary";
import { CONTRACT_WARNING_DAYS } from "../../domain/validation/alliance-rules";

function contractEndText(end: string, daysLeft: number): string {
  return PaneMessages.contractEnd(end, daysLeft);
}
import type { Actions } from "../../excel/action-types";
import { formatPercent } from "../number-format";
import { useAction } from "../use-action";
import { ActionFeedback } from "./ActionFeedback";

export interface SummarySectionProps {
  actions: Pick<Actions, "resumen">;
}

/** Resumen: open DOs, % on time this year per alliance, open NCs and contracts ending soon. */
export function SummarySection({ actions }: SummarySectionProps) {
  const action = useAction<WorkbookSummary>();
  const summary = action.result;
  return (
    <div className="section-body">
      <div className="button-row">
        <Button appearance="primary" disabled={action.running} onClick={() => void action.run((onProgress) => actions.resumen(onProgress))}>
          {summary ? "Actualizar resumen" : "Ver resumen"}
        </Button>
      </div>
      <ActionFeedback slow={action.slow} error={action.error} progress={action.progress} progressLabel={PaneMessages.summarizing} />
      {summary && !action.running && (
        <>
          <dl className="figures">
            <div>
              <dt>DO abiertos</dt>
              <dd>{summary.openOperations}</dd>
            </div>
            <div>
              <dt>No conformidades abiertas</dt>
              <dd>{summary.openNonconformities}</dd>
            </div>
          </dl>
          <Table size="extra-small" aria-label={`Cumplimiento ANS ${summary.year} por aliado`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Aliado</TableHeaderCell>
                <TableHeaderCell>A tiempo {summary.year}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.onTimeByAlliance.map((a) => (
                <TableRow key={a.alliance}>
                  <TableCell>{a.alliance}</TableCell>
                  <TableCell>{a.onTimePct === null ? "Sin DO medidos" : `${formatPercent(a.onTimePct)} (${a.onTime} de ${a.measured})`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text weight="semibold" as="h3">
            {PaneMessages.contractsEnding(CONTRACT_WARNING_DAYS)}
          </Text>
          {summary.expiringContracts.length === 0 ? (
            <Text>Ninguno.</Text>
          ) : (
            <ul className="plain-list">
              {summary.expiringContracts.map((c) => (
                <li key={`${c.alliance}:${c.contract}`}>
                  {c.alliance} — contrato {c.contract || "sin número"}: {contractEndText(c.end, c.daysLeft)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

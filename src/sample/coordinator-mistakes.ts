import { UNREGISTERED_ALLIANCE } from "./alliances";
import { SampleMessages } from "./messages";
import { ymdFromSerial } from "../domain/calendar";
import type { SampleOperation } from "./operations";

/** "15/03/2026": how a date looks when it was typed as text. */
function typedAsText(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

const closedRows = (rows: SampleOperation[]): SampleOperation[] =>
  rows.filter((row) => typeof row.release === "number" && typeof row.declaration === "number" && row.nc === "");

/**
 * The mistakes a coordinator makes in a real cuadro (each one a validation rule of SPEC §5 to show):
 * a DO registered twice, a levante before its declaration, a date typed as text, a Buenaventura DO, an
 * alliance that is not in tblAlianzas and a DO without Cliente. Returns the notes that describe them.
 */
export function addCoordinatorMistakes(rows: SampleOperation[]): string[] {
  const closed = closedRows(rows);
  const at = (fraction: number): SampleOperation | undefined => closed[Math.floor(closed.length * fraction)];
  const notes: string[] = [];

  const duplicated = at(0.3);
  if (duplicated) {
    const index = rows.indexOf(duplicated);
    rows.splice(index + 1, 0, { ...duplicated, notes: "Registrado dos veces" });
    notes.push(SampleMessages.mistakes.duplicated(duplicated.do));
  }
  const outOfOrder = at(0.45);
  if (outOfOrder && typeof outOfOrder.declaration === "number") {
    outOfOrder.release = Math.round((outOfOrder.declaration - 1) * 96) / 96;
    notes.push(SampleMessages.mistakes.outOfOrder(outOfOrder.do));
  }
  const textDate = at(0.55);
  if (textDate && typeof textDate.documentsComplete === "number") {
    textDate.documentsComplete = typedAsText(textDate.documentsComplete);
    notes.push(SampleMessages.mistakes.textDate(textDate.do));
  }
  const buenaventura = at(0.65);
  if (buenaventura) {
    buenaventura.city = "Buenaventura";
    buenaventura.mode = "Marítimo";
    notes.push(SampleMessages.mistakes.ownOffice(buenaventura.do));
  }
  const unknownAlliance = at(0.75);
  if (unknownAlliance) {
    unknownAlliance.alliance = UNREGISTERED_ALLIANCE;
    notes.push(SampleMessages.mistakes.unknownAlliance(unknownAlliance.do));
  }
  const noClient = at(0.85);
  if (noClient) {
    noClient.client = "";
    noClient.clientNit = "";
    notes.push(SampleMessages.mistakes.noClient(noClient.do));
  }
  return notes;
}

import { blockedBelowTable } from "../domain/workbook/messages";

/** The notes the sample data (Cargar datos de ejemplo, the demo's legacy cuadro) tells the user. */
export const SampleMessages = {
  notPrepared: "Prepare el libro (botón «Preparar cuadro») antes de cargar los datos de ejemplo.",
  notEmpty: "El libro ya tiene datos: los datos de ejemplo solo se cargan en un libro preparado y vacío.",
  blocked: (cell: string): string =>
    `No se cargaron los datos de ejemplo: ${blockedBelowTable(cell, null)}. Muévalo o bórrelo y vuelva a intentarlo.`,
  loaded: (alliances: number, operations: number, nonconformities: number, holidays: number): string =>
    `Se cargaron ${alliances} alianzas, ${operations} DO, ${nonconformities} no conformidades y ${holidays} festivos adicionales de ejemplo.`,
  plantedMistakes: (mistakes: readonly string[]): string => `Errores típicos incluidos a propósito para ver la validación: ${mistakes.join(" ")}`,
  legacyCuadro: (operations: number, sheet: string, partners: number): string =>
    `Cuadro original de ejemplo: ${operations} DO en la hoja «${sheet}» y ${partners} aliados.`,
  /** Each mistake planted in the sample, with the DO that carries it. */
  mistakes: {
    duplicated: (doNumber: string): string => `DO duplicado: ${doNumber}.`,
    outOfOrder: (doNumber: string): string => `Levante anterior a la presentación: ${doNumber}.`,
    textDate: (doNumber: string): string => `Fecha escrita como texto: ${doNumber}.`,
    ownOffice: (doNumber: string): string => `DO de Buenaventura (oficina propia): ${doNumber}.`,
    unknownAlliance: (doNumber: string): string => `Aliado que no está en tblAlianzas: ${doNumber}.`,
    noClient: (doNumber: string): string => `DO sin Cliente: ${doNumber}.`,
  },
} as const;

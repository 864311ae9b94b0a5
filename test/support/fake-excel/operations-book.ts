import { OPERATION_HEADERS, SHEETS, TABLES } from "../../../src/domain/workbook/headers";
import { FakeWorkbook } from "./fake-workbook";

export const OPERATION_COLUMNS = Object.values(OPERATION_HEADERS);

/** A workbook with an `Operaciones` sheet holding tblOperaciones with `rows` DOs, and an empty `Notas` sheet. */
export function operationsBook(rows: number): FakeWorkbook {
  const book = new FakeWorkbook();
  const sheet = book.addSheet(SHEETS.operations);
  sheet.put(0, 0, [OPERATION_COLUMNS]);
  const body = Array.from({ length: rows }, (_, i) =>
    OPERATION_COLUMNS.map((header) => {
      if (header === OPERATION_HEADERS.do) return `DO-${String(i + 1).padStart(6, "0")}`;
      if (header === OPERATION_HEADERS.type) return i % 2 === 0 ? "Importación" : "Exportación";
      if (header === OPERATION_HEADERS.opened) return 46000 + (i % 300);
      if (header === OPERATION_HEADERS.serviceTime) return "=ADUANA.TIEMPO_SERVICIO([@[Fecha llegada mercancía]],[@[Fecha levante / autorización]])";
      if (header === OPERATION_HEADERS.alliance) return "Aliado Caribe";
      return null;
    }),
  );
  sheet.put(1, 0, body);
  book.addTable(SHEETS.operations, TABLES.operations, { row: 0, col: 0, rowCount: rows + 1, colCount: OPERATION_COLUMNS.length });
  book.addSheet("Notas");
  return book;
}

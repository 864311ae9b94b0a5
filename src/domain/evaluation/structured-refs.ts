/** Excel structured references as Excel itself writes them (formula-text.ts compares other spellings). */

// Characters that make Excel wrap a column name in a second pair of brackets.
const NEEDS_BRACKETS = /[^\p{L}\p{N}_]/u;

/** Escapes ' [ ] # inside a structured reference column name, as Excel requires. */
const escapeColumn = (name: string): string => name.replace(/['[\]#]/g, "'$&");

/**
 * `[@Puntaje]`, `[@[DOs atendidos]]`: this row's cell of a column of the formula's own table.
 * @example thisRow("DOs atendidos") // "[@[DOs atendidos]]"
 */
export function thisRow(column: string): string {
  const name = escapeColumn(column);
  return NEEDS_BRACKETS.test(column) ? `[@[${name}]]` : `[@${name}]`;
}

/** `tblPesosEvaluacion[Peso]`: a whole data column of a table. */
export function columnRef(table: string, column: string): string {
  return `${table}[${escapeColumn(column)}]`;
}

/** A string constant inside a formula. */
export const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

import { DATE_FORMAT, DATE_TIME_FORMAT } from "./schema-types";
import type { ColumnSpec, ListSource } from "./schema-types";

/** Column-spec builders bound to one table's *_HEADERS object, so each schema names columns by key only. */
export function columnBuilders<H extends { readonly [K in keyof H]: string }>(headers: H) {
  type Key = keyof H & string;
  return {
    text: (key: Key, width: number, aliases: string[], required = false): ColumnSpec => ({
      key,
      header: headers[key],
      kind: "text",
      required,
      width,
      aliases,
    }),
    date: (key: Key, aliases: string[], required = false): ColumnSpec => ({
      key,
      header: headers[key],
      kind: "date",
      required,
      numberFormat: DATE_FORMAT,
      width: 14,
      aliases,
    }),
    dateTime: (key: Key, aliases: string[]): ColumnSpec => ({
      key,
      header: headers[key],
      kind: "datetime",
      required: false,
      numberFormat: DATE_TIME_FORMAT,
      width: 17,
      aliases,
    }),
    /** A list column: literal values, or a table column (`{ table, column }`). */
    list: (
      key: Key,
      source: readonly string[] | ListSource,
      width: number,
      aliases: string[],
      options: { kind?: "list" | "yesno"; required?: boolean; comparedAsTyped?: boolean } = {},
    ): ColumnSpec => ({
      key,
      header: headers[key],
      kind: options.kind ?? "list",
      required: options.required ?? false,
      list: isListSource(source) ? source : { values: source },
      width,
      aliases,
      ...(options.comparedAsTyped ? { comparedAsTyped: true } : {}),
    }),
  };
}

function isListSource(source: readonly string[] | ListSource): source is ListSource {
  return !Array.isArray(source);
}

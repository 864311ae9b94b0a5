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
    list: (key: Key, source: readonly string[], width: number, aliases: string[], kind: "list" | "yesno" = "list"): ColumnSpec => ({
      key,
      header: headers[key],
      kind,
      required: false,
      list: { values: source } satisfies ListSource,
      width,
      aliases,
    }),
  };
}

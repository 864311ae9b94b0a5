import { isSupportedSerial } from "./supported-range";

/**
 * A date argument as the ADUANA functions read it, in one place for the functions and for the values the add-in
 * computes in their stead: empty (nothing, "" or only spaces, or the 0 Excel desktop passes for an empty cell), a
 * serial of the holiday calendar, or the reason it is refused (the functions then give #VALUE!).
 */
export type DateArgument =
  | { readonly kind: "empty" }
  | { readonly kind: "date"; readonly serial: number }
  | { readonly kind: "not-a-number" }
  | { readonly kind: "not-a-date"; readonly value: number }
  | { readonly kind: "outside-calendar"; readonly serial: number };

export function readDateArgumentValue(value: unknown): DateArgument {
  if (value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "")) return { kind: "empty" };
  if (typeof value !== "number") return { kind: "not-a-number" };
  if (!Number.isFinite(value) || value < 0) return { kind: "not-a-date", value };
  if (!isSupportedSerial(value)) return { kind: "outside-calendar", serial: value };
  return { kind: "date", serial: value };
}

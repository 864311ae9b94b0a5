// DIAN weights, applied from the rightmost digit leftwards (SPEC §4).
const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;

/** Digits of a NIT written with optional thousands dots or spaces ("800.197.268"), or null. */
function nitDigits(nit: string): string | null {
  const digits = nit.replace(/[.\s]/g, "");
  return /^\d+$/.test(digits) && digits.length <= NIT_WEIGHTS.length ? digits : null;
}

/**
 * DIAN check digit (dígito de verificación) of a NIT, or null when it is not 1–15 digits
 * (dots and spaces allowed).
 * @example nitCheckDigit("800197268") // 4
 * @example nitCheckDigit("800.197.268") // 4
 * @example nitCheckDigit("80019726A") // null
 */
export function nitCheckDigit(nit: string): number | null {
  const digits = nitDigits(nit);
  if (digits === null) return null;
  let sum = 0;
  for (let position = 0; position < digits.length; position++) {
    const digit = Number(digits[digits.length - 1 - position]);
    sum += digit * (NIT_WEIGHTS[position] ?? 0);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? remainder : 11 - remainder;
}

/**
 * True for a NIT with its check digit after a hyphen whose digit is right ("800197268-4",
 * "800.197.268-4").
 * @example isValidNit("800197268-4") // true
 * @example isValidNit("800197268-5") // false
 */
export function isValidNit(text: string): boolean {
  const match = /^\s*([\d.\s]+?)\s*-\s*(\d)\s*$/.exec(text);
  if (!match) return false;
  const [, number = "", checkDigit = ""] = match;
  return nitCheckDigit(number) === Number(checkDigit);
}

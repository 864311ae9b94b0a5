import { isValidNit, nitCheckDigit } from "../../../src/domain/identity/nit";

describe("nitCheckDigit", () => {
  it.each([
    ["800197268", 4],
    ["890903938", 8],
    ["899999068", 1],
    ["800.197.268", 4],
    ["890 903 938", 8],
    ["860002964", 4],
    ["0", 0],
  ])("returns the DIAN check digit of %s: %d", (nit, digit) => {
    expect(nitCheckDigit(nit)).toBe(digit);
  });

  it("returns r when the remainder is 0 or 1, else 11 − r", () => {
    // 1 → 1×3 = 3 → 11 − 3 = 8; 4 → 12 mod 11 = 1 → 1; 11 → 1×7 + 1×3 = 10 → 1.
    expect(nitCheckDigit("1")).toBe(8);
    expect(nitCheckDigit("4")).toBe(1);
    expect(nitCheckDigit("11")).toBe(1);
  });

  describe("edge cases", () => {
    it.each(["", "   ", "80019726A", "800197268-4", "800,197,268", "1234567890123456", "-800197268", "8.0e8"])(
      "returns null for malformed %p",
      (nit) => {
        expect(nitCheckDigit(nit)).toBeNull();
      },
    );

    it("accepts 15 digits, the longest NIT the weights cover", () => {
      expect(nitCheckDigit("123456789012345")).not.toBeNull();
    });
  });
});

describe("isValidNit", () => {
  it.each([
    ["800197268-4", true],
    ["800.197.268-4", true],
    [" 890903938 - 8 ", true],
    ["899999068-1", true],
    ["800197268-5", false],
    ["800197268", false],
    ["80019726A-4", false],
    ["800197268-", false],
    ["-4", false],
    ["", false],
  ])("returns for %p: %s", (text, valid) => {
    expect(isValidNit(text)).toBe(valid);
  });
});

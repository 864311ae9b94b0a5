/**
 * Excel's ROUND: half away from zero, after trimming to 15 significant digits as Excel does, so that
 * 0.35 × 5 / 5 × 100 (= 34.99999999999999 in binary) rounds like the 35 Excel shows.
 * @example roundLikeExcel(74.995, 2) // 75
 */
export function roundLikeExcel(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

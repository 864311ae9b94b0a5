/**
 * Excel's PERCENTILE.INC: with the values sorted, rank k·(n−1) interpolated linearly between its neighbours;
 * null for no values. `k` in [0, 1].
 * @example percentileInc([1, 2, 3, 4], 0.9) // 3.7
 */
export function percentileInc(values: readonly number[], k: number): number | null {
  if (values.length === 0 || !(k >= 0 && k <= 1)) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = k * (sorted.length - 1);
  const lower = Math.floor(rank);
  const below = sorted[lower] ?? 0;
  const above = sorted[Math.min(lower + 1, sorted.length - 1)] ?? below;
  return below + (rank - lower) * (above - below);
}

/** Excel's MEDIAN (PERCENTILE.INC at 0.5); null for no values. */
export function median(values: readonly number[]): number | null {
  return percentileInc(values, 0.5);
}

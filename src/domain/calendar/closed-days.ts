/**
 * Sorted, de-duplicated integer dates on which a working weekday is not worked (holidays), answering
 * "how many in [first, last]" by binary search.
 */
export class ClosedDays {
  private constructor(private readonly dates: Int32Array) {}

  /** Dates in any order, with repeats. */
  static of(dates: Iterable<number>): ClosedDays {
    return new ClosedDays(Int32Array.from(new Set(dates)).sort());
  }

  /** These dates plus others: the few new dates are spliced in by block copies of the long list. */
  union(others: Iterable<number>): ClosedDays {
    const added = ClosedDays.of(others).dates.filter((date) => !this.has(date));
    if (added.length === 0) return this;
    const merged = new Int32Array(this.dates.length + added.length);
    let copied = 0;
    for (let k = 0; k < added.length; k++) {
      const date = added[k] ?? 0;
      const position = this.firstIndexAtOrAfter(date);
      merged.set(this.dates.subarray(copied, position), copied + k);
      merged[position + k] = date;
      copied = position;
    }
    merged.set(this.dates.subarray(copied), copied + added.length);
    return new ClosedDays(merged);
  }

  get size(): number {
    return this.dates.length;
  }

  has(date: number): boolean {
    const index = this.firstIndexAtOrAfter(date);
    return index < this.dates.length && this.dates[index] === date;
  }

  /** Closed days in [first, last]; 0 when last < first. */
  countBetween(first: number, last: number): number {
    if (last < first) return 0;
    return this.firstIndexAtOrAfter(last + 1) - this.firstIndexAtOrAfter(first);
  }

  private firstIndexAtOrAfter(date: number): number {
    let low = 0;
    let high = this.dates.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.dates[middle] ?? Infinity) < date) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

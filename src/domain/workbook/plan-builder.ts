import type { Plan, PlanStep } from "./plan";

/** Plan steps kept in buckets so that the plan runs in a safe order whatever order they were planned in. */
const ORDER = [
  "backup",
  "sheets",
  "structure",
  "names",
  "formulas",
  "formats",
  "validations",
  "highlights",
  "layout",
] as const;
export type StepBucket = (typeof ORDER)[number];

export class PlanBuilder {
  private readonly buckets = new Map<StepBucket, PlanStep[]>(ORDER.map((bucket) => [bucket, []]));
  readonly notes: string[] = [];

  add(bucket: StepBucket, step: PlanStep): void {
    this.buckets.get(bucket)?.push(step);
  }

  note(line: string): void {
    this.notes.push(line);
  }

  get stepCount(): number {
    let count = 0;
    for (const steps of this.buckets.values()) count += steps.length;
    return count;
  }

  build(): Plan {
    const steps = ORDER.flatMap((bucket) => this.buckets.get(bucket) ?? []);
    return { steps, notes: [...this.notes] };
  }
}

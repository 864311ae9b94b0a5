import { ymdFromSerial } from "../calendar";
import type { FollowUp } from "./follow-up";

/** "AAAA-MM-DD" of a serial's date. */
export function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(Math.floor(serial));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The `control-alianzas seguimiento --json` shape; dates as "AAAA-MM-DD", null when there is none. */
export interface FollowUpJson {
  today: string;
  operations: {
    do: string;
    alliance: string;
    city: string;
    coordinator: string;
    status: string;
    dueDate: string;
    businessDaysLeft: number;
  }[];
  nonconformities: { number: string; alliance: string; reason: string; dueDate: string | null; cell: string }[];
}

export function followUpToJson(result: FollowUp): FollowUpJson {
  return {
    today: isoDate(result.today),
    operations: result.operations.map((o) => ({
      do: o.do,
      alliance: o.alliance,
      city: o.city,
      coordinator: o.coordinator,
      status: o.status,
      dueDate: isoDate(o.dueDate),
      businessDaysLeft: o.businessDaysLeft,
    })),
    nonconformities: result.nonconformities.map((n) => ({
      number: n.number,
      alliance: n.alliance,
      reason: n.reason,
      dueDate: n.dueDate === null ? null : isoDate(n.dueDate),
      cell: n.cell,
    })),
  };
}

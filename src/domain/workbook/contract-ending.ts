import { excelTextKey } from "./cell-reading";
import type { AllianceRecord } from "./model";

/** Days before Fin contrato from which the contract is flagged (SPEC §1.2): validation and Resumen alike. */
export const CONTRACT_WARNING_DAYS = 60;

/** A contract that has ended, or ends within CONTRACT_WARNING_DAYS of today; daysLeft < 0 once it has ended. */
export interface ContractEnding {
  end: number;
  daysLeft: number;
  expired: boolean;
}

/**
 * The one rule for contracts that need attention, used by the validation (contrato-por-vencer) and the Resumen:
 * an alliance with a Fin contrato that has passed or comes within CONTRACT_WARNING_DAYS days, unless its Estado is
 * «Terminado» (compared as Excel compares text) or its Fin contrato is not after Inicio contrato (that is an
 * orden-hitos error of its own, not a contract to renew). Null otherwise.
 */
export function contractEnding(
  alliance: Pick<AllianceRecord, "contractStart" | "contractEnd" | "status">,
  today: number,
): ContractEnding | null {
  const { contractStart: start, contractEnd: end } = alliance;
  if (end === null) return null;
  if (start !== null && Math.floor(end) <= Math.floor(start)) return null;
  if (excelTextKey(alliance.status.trim()) === excelTextKey("Terminado")) return null;
  const daysLeft = Math.floor(end) - Math.floor(today);
  if (daysLeft > CONTRACT_WARNING_DAYS) return null;
  return { end, daysLeft, expired: daysLeft < 0 };
}

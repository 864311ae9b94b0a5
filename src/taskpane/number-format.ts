const percent = new Intl.NumberFormat("es-CO", { maximumFractionDigits: 1 });
const score = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** 93.333 → "93,3 %" (Colombian decimal comma). */
export function formatPercent(value: number): string {
  return `${percent.format(value)} %`;
}

/** 87.5 → "87,5" */
export function formatScore(value: number): string {
  return score.format(value);
}

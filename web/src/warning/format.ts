/** Probabilities and levels as the early-warning pages show them. */

export function percent(p: number): string {
  return `${(p * 100).toFixed(p < 0.1 ? 1 : 0)} %`;
}

export const LEVEL_LABEL: Record<string, string> = { low: 'Low', warning: 'Warning', critical: 'Critical', breached: 'Fell' };

/** `YYYY-MM-DD` (a date input's value) to the end of that UTC day, or null for "now". */
export function asOfOf(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59Z` : null;
}

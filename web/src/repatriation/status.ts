import type { CountryStatus } from '../../../src/repatriation/repatriation.schemas.js';

/** The colour of each status on the map, the table and the board (a legend shows them). */
export const STATUS_COLOURS: Readonly<Record<CountryStatus, string>> = {
  'not-contacted': '#ced4da',
  contacted: '#a5d8ff',
  declined: '#ffa8a8',
  negotiating: '#ffd43b',
  accepted: '#8ce99a',
  repatriating: '#38d9a9',
  completed: '#2b8a3e',
};

/** Persons still held and repatriated as a progress fraction (0 when none). */
export function progressOf(held: number, repatriated: number): number {
  return held + repatriated === 0 ? 0 : repatriated / (held + repatriated);
}

/** The radius of a country's circle on the world map: its area grows with the nationals counted. */
export function circleRadius(total: number): number {
  return total <= 0 ? 0 : Math.max(3, Math.sqrt(total) * 0.9);
}

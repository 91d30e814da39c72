import type { Marking } from '../kernel/index.js';
import type { Ctx } from './context.js';

/**
 * What a module contributes to the daily coordination call and the outcome dashboard. Each module exports its
 * own sources; the coordination module lists them. A source returns only what `ctx.principal` may see (its
 * queries apply the marking scope like every other read), and every item and figure carries the marking of
 * the records behind it (for a count: the banner of the records counted), so the agenda, the SITREP and the
 * dashboard compute their banners from their parts.
 */
export type AgendaSection =
  | 'risk'
  | 'alerts'
  | 'sorties'
  | 'reconciliation'
  | 'handovers'
  | 'custody'
  | 'identity'
  | 'declassification'
  | 'cases'
  | 'repatriation'
  | 'camps'
  | 'agreements'
  | 'actions';

/** One line of the agenda: something that changed, or is due, in the window. */
export interface AgendaItem {
  section: AgendaSection;
  /** Short, one line. */
  title: string;
  detail?: string;
  severity: 'info' | 'warning' | 'critical';
  /** When it happened or falls due (ISO 8601 UTC). */
  at: string;
  /** The record the item is about, for a link in the UI (`kind` is e.g. `facility`, `sortie`, `request`). */
  ref?: { kind: string; id: string };
  marking: Marking;
}

/** The agenda window: what changed after `since` up to and including `until` (ISO 8601 UTC). */
export interface AgendaWindow {
  since: string;
  until: string;
}

export interface AgendaSource {
  /** Stable name, e.g. `custody.pending-handovers`. */
  name: string;
  items(ctx: Ctx, window: AgendaWindow): Promise<AgendaItem[]>;
}

/** One figure of the outcome dashboard or the SITREP's numbers table. */
export interface OutcomeFigure {
  /** Stable key, e.g. `custody.log-size`. */
  key: string;
  label: string;
  value: number;
  unit?: string;
  /** Banner of the records the figure is computed from. */
  marking: Marking;
  /** The figure over time, oldest first, when the module can compute it. */
  series?: { at: string; value: number }[];
}

export type OutcomeArea = 'movement' | 'custody' | 'identity' | 'cases' | 'repatriation' | 'camps' | 'warning';

export interface OutcomeSource {
  name: string;
  area: OutcomeArea;
  /** The figures as of `asOf` (ISO 8601 UTC). */
  figures(ctx: Ctx, asOf: string): Promise<OutcomeFigure[]>;
}

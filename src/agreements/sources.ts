import { parseMarking } from '../kernel/index.js';
import { can, scopeFor, type AgendaSource } from '../access/index.js';
import { selectChanges } from './agreement.store.js';

/**
 * Agenda items: every agreement status change in the window the caller may see (section `agreements`), a
 * suspension flagged critical and a signature as a warning for planners to pick up the new quota.
 */
export const agreementsAgendaSource: AgendaSource = {
  name: 'agreements.status-changes',
  async items(ctx, window) {
    if (!can(ctx.principal, 'agreements:read')) return [];
    const scope = await scopeFor(ctx.db, ctx.principal);
    return (await selectChanges(ctx.db, scope, window)).map((c) => ({
      section: 'agreements' as const,
      severity: c.to_status === 'suspended' ? ('critical' as const) : c.to_status === 'signed' ? ('warning' as const) : ('info' as const),
      at: c.at,
      ref: { kind: 'agreement', id: c.code },
      title: c.from_status === null ? `${c.code} drafted: ${c.title}` : `${c.code}: ${c.from_status} → ${c.to_status}`,
      detail: c.note ?? `by ${c.by_user}`,
      marking: parseMarking(c.marking_text),
    }));
  },
};

import type { AgendaSource, OutcomeSource } from '../access/index.js';
import { campsAgendaSource, campsOutcomeSource } from '../camps/index.js';
import { airliftAgendaSource, airliftOutcomeSource } from '../airlift/index.js';
import { casesAgendaSource, casesOutcomeSource } from '../cases/index.js';
import { custodyAgendaSource, custodyOutcomeSource, placeHistories } from '../custody/index.js';
import { identityAgendaSource, identityOutcomeSource } from '../identity/index.js';
import { repatriationAgendaSource, repatriationOutcomeSource } from '../repatriation/index.js';
import { agreementsAgendaSource } from '../agreements/index.js';
import { registryAgendaSource, registryOutcomeSource } from '../registry/index.js';
import { warningAgendaSource, warningOutcomeSource } from '../warning/index.js';
import { actionsAgendaSource, decisionsAgendaSource } from './coordination.agenda.js';

/**
 * THE list of what feeds the daily call's agenda, the SITREP and the outcome dashboard: one entry per module
 * source. A module contributes by exporting an `AgendaSource` or `OutcomeSource` from its index.ts; add it
 * here (append at the end). Each source answers only what the caller may see; one whose module refuses the
 * caller's roles is left out of the answer and named in its `omitted` list.
 */
export const AGENDA_SOURCES: readonly AgendaSource[] = [
  actionsAgendaSource,
  decisionsAgendaSource,
  registryAgendaSource,
  campsAgendaSource,
  warningAgendaSource,
  agreementsAgendaSource,
  custodyAgendaSource,
  airliftAgendaSource,
  casesAgendaSource,
  repatriationAgendaSource,
  identityAgendaSource,
];

export const OUTCOME_SOURCES: readonly OutcomeSource[] = [
  // Held, moved and remaining per site: the registry's counts and custody's log replay of each site.
  registryOutcomeSource({ history: placeHistories }),
  campsOutcomeSource,
  warningOutcomeSource,
  custodyOutcomeSource,
  airliftOutcomeSource,
  casesOutcomeSource,
  repatriationOutcomeSource,
  identityOutcomeSource,
];

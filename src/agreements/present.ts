import { z } from 'zod';
import type { AgreementEventsTable } from '../store/index.js';
import type { AgreementRow } from './agreement.store.js';
import { AGREEMENT_STATUSES, ZAssurance, ZCondition, type TAgreement } from './agreements.schemas.js';

const ZStatus = z.enum(AGREEMENT_STATUSES);
const ZQuotas = z.record(z.string(), z.number());
const ZAssurances = z.array(ZAssurance);
const ZConditions = z.array(ZCondition);

/** A stored agreement with its history, as a reader sees it (JSON columns re-validated). */
export function presentAgreement(r: AgreementRow, history: readonly AgreementEventsTable[]): TAgreement {
  return {
    id: r.id, code: r.code, title: r.title, parties: { holding: r.holding, receiving: r.receiving, airlift: r.airlift }, destination: r.destination,
    validFrom: r.valid_from, validTo: r.valid_to, perDay: r.per_day, nationalityQuotas: ZQuotas.parse(JSON.parse(r.nationality_quotas)),
    assurances: ZAssurances.parse(JSON.parse(r.assurances)), conditions: ZConditions.parse(JSON.parse(r.conditions)), status: ZStatus.parse(r.status),
    version: r.version, marking: r.marking_text, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
    history: history.filter((h) => h.agreement_id === r.id).map((h) => ({
      at: h.at, from: h.from_status === null ? null : ZStatus.parse(h.from_status), to: ZStatus.parse(h.to_status), by: h.by_user, note: h.note,
    })),
  };
}

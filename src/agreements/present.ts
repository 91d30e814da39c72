import { z } from 'zod';
import { readStored, readStoredJson } from '../kernel/index.js';
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
    validFrom: r.valid_from, validTo: r.valid_to, perDay: r.per_day, nationalityQuotas: readStoredJson(ZQuotas, r.nationality_quotas, `agreement ${r.code} nationality_quotas`),
    assurances: readStoredJson(ZAssurances, r.assurances, `agreement ${r.code} assurances`), conditions: readStoredJson(ZConditions, r.conditions, `agreement ${r.code} conditions`), status: readStored(ZStatus, r.status, `agreement ${r.code} status`),
    version: r.version, marking: r.marking_text, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
    history: history.filter((h) => h.agreement_id === r.id).map((h) => ({
      at: h.at, from: h.from_status === null ? null : ZStatus.parse(h.from_status), to: ZStatus.parse(h.to_status), by: h.by_user, note: h.note,
    })),
  };
}

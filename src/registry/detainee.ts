import { z } from 'zod';
import { checkName, invalidMany, nameSearchKeys, readStoredJson, type FieldIssue } from '../kernel/index.js';
import type { DetaineesTable } from '../store/index.js';
import { ZAlias, type TDetainee, type TRegisterDetainee } from './registry.schemas.js';

const ZAliases = z.array(ZAlias);
const ZTags = z.array(z.string());

/** The rules a detainee's names and dates keep, beyond their shape; every problem is reported at once. */
export function checkDetaineeFields(input: Partial<TRegisterDetainee>, fieldPrefix = ''): Partial<TRegisterDetainee> {
  const issues: FieldIssue[] = [];
  const out: Partial<TRegisterDetainee> = { ...input };
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      const d = (e as { details?: { field?: string; reason?: string } }).details;
      issues.push({ field: d?.field ?? fieldPrefix, reason: d?.reason ?? (e as Error).message });
    }
  };
  if (input.nameAr !== undefined) attempt(() => (out.nameAr = checkName(`${fieldPrefix}nameAr`, input.nameAr!, 'arabic')));
  if (input.nameLatin !== undefined) attempt(() => (out.nameLatin = checkName(`${fieldPrefix}nameLatin`, input.nameLatin!, 'latin')));
  if (input.aliases) {
    out.aliases = input.aliases.map((a, i) => {
      const alias = { ...a };
      if (!a.nameAr && !a.nameLatin) issues.push({ field: `${fieldPrefix}aliases.${i}`, reason: 'an alias needs nameAr or nameLatin' });
      if (a.nameAr !== undefined) attempt(() => (alias.nameAr = checkName(`${fieldPrefix}aliases.${i}.nameAr`, a.nameAr!, 'arabic')));
      if (a.nameLatin !== undefined) attempt(() => (alias.nameLatin = checkName(`${fieldPrefix}aliases.${i}.nameLatin`, a.nameLatin!, 'latin')));
      return alias;
    });
  }
  if (input.birthDate && input.birthYear && Number(input.birthDate.slice(0, 4)) !== input.birthYear) {
    issues.push({ field: `${fieldPrefix}birthYear`, reason: 'does not match birthDate' });
  }
  if (issues.length > 0) throw invalidMany(issues);
  return out;
}

/** Name keys for search: the names and every alias, in both scripts. */
export function searchKeysOf(d: { nameAr: string; nameLatin: string; aliases: { nameAr?: string | undefined; nameLatin?: string | undefined }[] }): string {
  const names = [d.nameAr, d.nameLatin];
  for (const a of d.aliases) {
    if (a.nameAr) names.push(a.nameAr);
    if (a.nameLatin) names.push(a.nameLatin);
  }
  return nameSearchKeys(names);
}

/** A stored row, with its facility code, custodian code and marking text resolved by the query. */
export interface DetaineeJoinRow extends DetaineesTable {
  facility_code: string | null;
  custodian_code: string | null;
  marking_text: string;
}

/** Row → domain value. The JSON columns are re-validated as they are read back. */
export function detaineeFromRow(r: DetaineeJoinRow): TDetainee {
  return {
    id: r.id,
    isn: r.isn,
    nameAr: r.name_ar,
    nameLatin: r.name_latin,
    aliases: readStoredJson(ZAliases, r.aliases, `detainee ${r.isn} aliases`),
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    birthPlace: r.birth_place,
    nationality: r.nationality,
    sex: r.sex as TDetainee['sex'],
    riskTier: r.risk_tier as TDetainee['riskTier'],
    keepApart: readStoredJson(ZTags, r.keep_apart, `detainee ${r.isn} keep_apart`),
    medical: readStoredJson(ZTags, r.medical, `detainee ${r.isn} medical`),
    legalStatus: r.legal_status as TDetainee['legalStatus'],
    facility: r.facility_code,
    custodian: r.custodian_code,
    status: r.status as TDetainee['status'],
    marking: r.marking_text,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

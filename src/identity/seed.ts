import { requirePermission, type Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { insertEnrollments } from './enrollment.store.js';
import { MODALITIES, packTemplates, toBlob, type Template } from './templates.js';

/** One enrollment of the scenario: the detainee record's data as given at intake, and its templates. */
export interface SeedEnrollment {
  id: string;
  detaineeId: string;
  markingId: number;
  agencyCode: string;
  station: string;
  capturedAt: string;
  nameAr: string;
  nameLatin: string;
  aliases: string[];
  birthDate: string | null;
  birthYear: number | null;
  birthPlace: string | null;
  nationality: string;
  templates: Template[];
}

/**
 * Bulk insert of the scenario's enrollments (the loader's fast path, like the registry's bulk insert):
 * requires `scenario:load`; the templates are trusted generator output, so only packed, not re-checked.
 * Audited once for the batch.
 */
export async function seedEnrollments(ctx: Ctx, db: Db, rows: readonly SeedEnrollment[], now: string): Promise<void> {
  requirePermission(ctx.principal, 'scenario:load');
  await insertEnrollments(
    db,
    rows.map((r) => {
      const q = MODALITIES.map((m) => r.templates.find((t) => t.modality === m)?.quality ?? null);
      return {
        id: r.id, detainee_id: r.detaineeId, agency_code: r.agencyCode, officer: 'intake', station: r.station, captured_at: r.capturedAt,
        templates: toBlob(packTemplates(r.templates)), qualities: JSON.stringify(q), name_ar: r.nameAr, name_latin: r.nameLatin,
        aliases: JSON.stringify(r.aliases), birth_date: r.birthDate, birth_year: r.birthYear, birth_place: r.birthPlace, nationality: r.nationality,
        languages: '[]', source: 'scenario' as const, marking_id: r.markingId, created_at: now,
      };
    }),
  );
  await ctx.audit.record(db, { action: 'identity.seed', subjectType: 'enrollment', details: { enrollments: rows.length } });
}

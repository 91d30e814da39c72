import { bannerOf, formatMarking, notFound, parseMarking, readStoredJson } from '../kernel/index.js';
import { markingTexts, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import type { TIdentity } from './identity.schemas.js';
import { identitiesOf, membersOf, selectCandidates, selectDecisions } from './candidate.store.js';
import { selectDetaineeRef, selectDetaineeRefs, selectEnrollments } from './enrollment.store.js';
import { presentEnrollment } from './present.js';
import { z } from 'zod';

const ZAliases = z.array(z.object({ nameAr: z.string().optional(), nameLatin: z.string().optional(), kind: z.string() }));

/**
 * A person's identity page: the detainee record asked for, every record linked with it that the caller may
 * see (their names are the person's aliases, with the registry's own aliases), every enrollment of those
 * records, and the decisions that linked them. The banner covers everything shown. Requires `identity:read`.
 * Audited. @throws NOT_FOUND when the detainee is absent or unseen.
 */
export async function showIdentity(ctx: Ctx, isnOrId: string): Promise<TIdentity> {
  requirePermission(ctx.principal, 'identity:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const me = await selectDetaineeRef(ctx.db, scope, isnOrId);
  if (!me) throw notFound('detainee', isnOrId);
  const identityId = (await identitiesOf(ctx.db, [me.id])).get(me.id)!;
  const memberIds = await membersOf(ctx.db, identityId);
  const members = await selectDetaineeRefs(ctx.db, scope, memberIds.includes(me.id) ? memberIds : [...memberIds, me.id]);
  const enrollments = await selectEnrollments(ctx.db, scope, { detaineeIds: members.map((m) => m.id) });
  const texts = await markingTexts(ctx.db, [...members.map((m) => m.marking_id), ...enrollments.map((e) => e.marking_id)]);
  const isnOf = new Map(members.map((m) => [m.id, m.isn]));
  const aliases: TIdentity['aliases'] = [];
  const seen = new Set([me.name_latin, me.name_ar]);
  const add = (name: string | undefined, source: string, isn: string | null) => {
    if (!name || seen.has(name)) return;
    seen.add(name);
    aliases.push({ name, source, isn });
  };
  for (const m of members) {
    if (m.id !== me.id) {
      add(m.name_latin, 'linked record', m.isn);
      add(m.name_ar, 'linked record', m.isn);
    }
    for (const a of readStoredJson(ZAliases, m.aliases, 'identity aliases column')) {
      add(a.nameLatin, a.kind, m.isn);
      add(a.nameAr, a.kind, m.isn);
    }
  }
  const enrIds = new Set(enrollments.map((e) => e.id));
  const pairs = (await selectCandidates(ctx.db, scope, {})).filter((c) => enrIds.has(c.left_id) || enrIds.has(c.right_id));
  const decisions = (await selectDecisions(ctx.db, pairs.map((p) => p.id))).map((d) => {
    const p = pairs.find((x) => x.id === d.candidate_id)!;
    const otherEnr = enrollments.find((e) => e.id === p.right_id && e.detainee_id !== me.id) ?? enrollments.find((e) => e.id === p.left_id && e.detainee_id !== me.id);
    return { candidateId: d.candidate_id, decision: d.decision, reason: d.reason, by: d.decided_by, at: d.decided_at, otherIsn: otherEnr ? (isnOf.get(otherEnr.detainee_id) ?? '') : '' };
  });
  const markings = [...texts.values()].map((t) => parseMarking(t));
  await ctx.audit.record(ctx.db, { action: 'identity.read', subjectType: 'detainee', subjectId: me.id, details: { members: members.length } });
  return {
    identityId, detaineeId: me.id, isn: me.isn, name: { ar: me.name_ar, latin: me.name_latin }, aliases,
    members: members.map((m) => ({ detaineeId: m.id, isn: m.isn, nameLatin: m.name_latin, nameAr: m.name_ar, marking: texts.get(m.marking_id) ?? 'U' })),
    enrollments: enrollments.map((e) => presentEnrollment(e, texts.get(e.marking_id) ?? 'U')),
    decisions, marking: formatMarking(bannerOf(markings)),
  };
}

import { notFound } from '../kernel/index.js';
import type { Ctx } from '../access/index.js';
import { ageOn } from './age.js';
import type { TFamilyGraph } from './cohorts.schemas.js';
import { selectHouseholdPage } from './household.store.js';
import { selectDetaineeRefs, selectFamilyLinks, selectGuardianships } from './links.store.js';
import { campsView, type CampAccess, type CampsView } from './policy.js';
import { birthOf } from './present.js';
import { selectResidents, type ResidentRow } from './resident.store.js';

type Node = TFamilyGraph['nodes'][number];
type Edge = TFamilyGraph['edges'][number];

function residentNode(view: CampsView, r: ResidentRow): Node {
  const camp = view.byId.get(r.facility_id)!;
  const node: Node = { id: r.id, type: 'resident', label: camp.fields.has('names') ? r.name_latin : null, camp: camp.code, status: r.status };
  if (camp.fields.has('birth')) node.age = ageOn(birthOf(r), view.now.slice(0, 10));
  return node;
}

/**
 * The graph around a set of residents: their household (member → head), guardians, family links to other
 * residents, detainees and relatives abroad — each kind of edge only where the resident's camp shows the
 * caller that field, and each node only when the caller may see the record (a detainee outside their registry
 * scope is left out, edge and all).
 */
async function graphOf(ctx: Ctx, view: CampsView, focal: readonly ResidentRow[], withheldFrom: CampAccess): Promise<TFamilyGraph> {
  const nodes = new Map<string, Node>(focal.map((r) => [r.id, residentNode(view, r)]));
  const edges: Edge[] = [];
  const fieldsOf = (r: ResidentRow) => view.byId.get(r.facility_id)!.fields;
  const head = focal.find((r) => r.relation === 'head');
  for (const r of focal) if (head && r !== head && fieldsOf(r).has('household')) edges.push({ from: head.id, to: r.id, kind: 'household', relation: r.relation });
  const ids = focal.map((r) => r.id);
  const byId = new Map(focal.map((r) => [r.id, r]));
  const guardians = (await selectGuardianships(ctx.db, view.scope, ids)).filter((g) => g.until === null && fieldsOf(byId.get(g.child_id)!).has('guardianship'));
  const links = await selectFamilyLinks(ctx.db, view.scope, ids);
  const others = [...guardians.map((g) => g.guardian_resident_id), ...links.map((l) => (byId.has(l.resident_id) ? l.related_resident_id : l.resident_id))];
  const wanted = [...new Set(others.filter((x): x is string => x !== null && !byId.has(x)))];
  for (const r of await selectResidents(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), ids: wanted })) nodes.set(r.id, residentNode(view, r));
  for (const g of guardians) {
    if (g.guardian_resident_id !== null && !nodes.has(g.guardian_resident_id)) continue;
    const from = g.guardian_resident_id ?? `person:${g.id}`;
    if (g.guardian_resident_id === null) nodes.set(from, { id: from, type: 'person', label: fieldsOf(byId.get(g.child_id)!).has('names') ? g.guardian_name : null, camp: null, status: null });
    edges.push({ from, to: g.child_id, kind: 'guardian', relation: g.kind });
  }
  const detainees = new Map((await selectDetaineeRefs(ctx.db, view.scope, links.flatMap((l) => (l.detainee_id ? [l.detainee_id] : [])))).map((d) => [d.id, d]));
  for (const l of links) {
    const owner = byId.get(l.resident_id) ?? byId.get(l.related_resident_id ?? '');
    if (!owner) continue;
    const f = fieldsOf(owner);
    if (l.kind === 'resident' && f.has('familyLinks') && nodes.has(l.resident_id) && nodes.has(l.related_resident_id!)) {
      edges.push({ from: l.resident_id, to: l.related_resident_id!, kind: 'family', relation: l.relation });
    } else if (l.kind === 'detainee' && f.has('detaineeLinks') && detainees.has(l.detainee_id!) && byId.has(l.resident_id)) {
      const d = detainees.get(l.detainee_id!)!;
      nodes.set(d.id, { id: d.id, type: 'detainee', label: `${d.isn} ${d.name_latin}`, camp: null, status: d.status });
      edges.push({ from: l.resident_id, to: d.id, kind: 'detainee', relation: l.relation });
    } else if (l.kind === 'abroad' && f.has('relativesAbroad') && byId.has(l.resident_id)) {
      const id = `person:${l.id}`;
      nodes.set(id, { id, type: 'person', label: f.has('names') ? `${l.relative_name ?? ''}${l.relative_country ? ` (${l.relative_country})` : ''}` : null, camp: null, status: null });
      edges.push({ from: l.resident_id, to: id, kind: 'abroad', relation: l.relation });
    }
  }
  return { nodes: [...nodes.values()], edges, withheld: withheldFrom.withheld };
}

/**
 * The family graph of a household: its members the caller may see and their links. Requires `camps:read`;
 * members appear only when the camp shows the household field. Audited.
 * @throws DomainError NOT_FOUND when the household is absent or unseen.
 */
export async function householdGraph(ctx: Ctx, idOrCode: string): Promise<TFamilyGraph> {
  const view = await campsView(ctx);
  const [h] = await selectHouseholdPage(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), idOrCode }, { limit: 1 });
  if (!h) throw notFound('household', idOrCode);
  const camp = view.byId.get(h.facility_id)!;
  const members = camp.fields.has('household') ? await selectResidents(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), householdId: h.id }) : [];
  const graph = await graphOf(ctx, view, members, camp);
  await ctx.audit.record(ctx.db, { action: 'camp-household.graph', subjectType: 'camp-household', subjectId: h.id, details: { nodes: graph.nodes.map((n) => n.id) } });
  return graph;
}

/**
 * The family graph around one resident: their household (when shown) and their links. Requires `camps:read`.
 * Audited. @throws DomainError NOT_FOUND when the resident is absent or unseen.
 */
export async function residentGraph(ctx: Ctx, id: string): Promise<TFamilyGraph> {
  const view = await campsView(ctx);
  const campIds = view.camps.map((c) => c.id);
  const [r] = await selectResidents(ctx.db, view.scope, { campIds, ids: [id] });
  if (!r) throw notFound('resident', id);
  const camp = view.byId.get(r.facility_id)!;
  const focal = camp.fields.has('household') ? await selectResidents(ctx.db, view.scope, { campIds, householdId: r.household_id }) : [r];
  const graph = await graphOf(ctx, view, focal, camp);
  await ctx.audit.record(ctx.db, { action: 'camp-resident.graph', subjectType: 'camp-resident', subjectId: r.id, details: { nodes: graph.nodes.map((n) => n.id) } });
  return graph;
}

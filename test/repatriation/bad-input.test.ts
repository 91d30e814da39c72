import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Ctx } from '../../src/access/index.js';
import { listDetainees } from '../../src/registry/index.js';
import { cancelBatch, createBatch, listBatches, recordEngagement, setCountryStatus, showCountry } from '../../src/repatriation/index.js';
import { DIALECTS } from '../support/stores.js';
import { errorOf, openRepatriationWorld, type RepatriationWorld } from './world.js';

const BATCH = 'C//REL TO IRQ, SYR, USA';

async function zodFields(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => i.path.join('.'));
    throw e;
  }
  throw new Error('expected a validation error');
}

describe.each(DIALECTS)('repatriation refuses bad input, naming the field, storing nothing (%s)', (dialect) => {
  let w: RepatriationWorld;
  let diplo: Ctx;
  let isn: string;
  let tunIsn: string | undefined;

  beforeAll(async () => {
    w = await openRepatriationWorld(dialect, 'repatriation-bad');
    diplo = await w.as('diplo.s');
    isn = (await listDetainees(diplo, { nationality: 'IRQ', status: 'held', limit: 1 })).items[0]!.isn;
    tunIsn = (await listDetainees(diplo, { nationality: 'TUN', limit: 1 })).items[0]?.isn;
    await setCountryStatus(diplo, 'IRQ', { status: 'accepted' });
  }, 120_000);

  afterAll(async () => {
    await w?.close();
  });

  it('refuses malformed engagements', async () => {
    const before = (await showCountry(diplo, 'IRQ')).engagements.length;
    expect((await errorOf(recordEngagement(diplo, 'XYZ', { kind: 'meeting', summary: 'x', marking: 'U' }))).details.field).toBe('country');
    expect(await zodFields(recordEngagement(diplo, 'IRQ', { kind: 'answer', summary: 'yes', marking: 'U' }))).toEqual(['outcome']);
    expect(await zodFields(recordEngagement(diplo, 'IRQ', { kind: 'meeting', summary: 'x', outcome: 'declined', marking: 'U' }))).toEqual(['outcome']);
    expect(await zodFields(recordEngagement(diplo, 'IRQ', { kind: 'meeting', summary: '', marking: 'U' }))).toEqual(['summary']);
    expect(await zodFields(recordEngagement(diplo, 'IRQ', { kind: 'meeting', summary: 'x', marking: 'SECRET-ISH' }))).toEqual(['marking']);
    expect(await zodFields(recordEngagement(diplo, 'IRQ', { kind: 'dinner' as 'meeting', summary: 'x', marking: 'U' }))).toEqual(['kind']);
    const future = await errorOf(recordEngagement(diplo, 'IRQ', { kind: 'meeting', summary: 'x', marking: 'U', at: '2027-01-01' }));
    expect(future.details).toMatchObject({ field: 'at', reason: 'is in the future' });
    const above = await errorOf(recordEngagement(diplo, 'IRQ', { kind: 'meeting', summary: 'x', marking: 'TS//REL TO USA' }));
    expect(above.details.field).toBe('marking');
    expect((await showCountry(diplo, 'IRQ')).engagements).toHaveLength(before);
  });

  it('refuses bad status changes', async () => {
    expect(await zodFields(setCountryStatus(diplo, 'IRQ', { status: 'finished' as 'completed' }))).toEqual(['status']);
    expect(await zodFields(setCountryStatus(diplo, 'IRQ', { status: 'repatriating', conditions: ['adults-only' as 'children-only'] }))).toEqual(['conditions.0']);
    expect((await errorOf(setCountryStatus(diplo, 'IRQ', { status: 'completed' }))).code).toBe('REPATRIATION_BAD_TRANSITION');
    expect((await showCountry(diplo, 'IRQ')).summary.status).toBe('accepted');
  });

  it('refuses bad batches', async () => {
    const base = { country: 'IRQ', receivingAgency: 'IRQ-CTS', place: 'HOL', at: '2026-01-12', members: [{ kind: 'detainee' as const, id: isn }], marking: BATCH };
    const code = async (over: Record<string, unknown>) => (await errorOf(createBatch(diplo, { ...base, ...over }))).code;
    expect(await code({ receivingAgency: 'HF' })).toBe('REPATRIATION_BAD_RECEIVER');
    expect(await code({ receivingAgency: 'NOPE' })).toBe('REPATRIATION_BAD_RECEIVER');
    expect(await code({ place: 'NOWHERE' })).toBe('INVALID_INPUT');
    expect(await code({ members: [{ kind: 'detainee', id: isn }, { kind: 'detainee', id: isn }] })).toBe('INVALID_INPUT');
    expect(await code({ members: [{ kind: 'detainee', id: 'SP-IQ-999999' }] })).toBe('NOT_FOUND');
    expect(await code({ members: [{ kind: 'resident', id: 'no-such-resident' }] })).toBe('NOT_FOUND');
    if (tunIsn) expect(await code({ members: [{ kind: 'detainee', id: tunIsn }] })).toBe('REPATRIATION_MEMBER_UNAVAILABLE');
    expect(await code({ country: 'TUN', receivingAgency: 'IRQ-CTS' })).toMatch(/^(REPATRIATION_COUNTRY_NOT_READY|NOT_FOUND)$/);
    expect(await zodFields(createBatch(diplo, { ...base, members: [] }))).toEqual(['members']);
    expect(await zodFields(createBatch(diplo, { ...base, at: 'next week' }))).toEqual(['at']);
    expect((await listBatches(diplo)).items).toHaveLength(0);
  });

  it('keeps a person in one open batch even when two batches are planned at once; a cancelled batch frees them', async () => {
    const plan = { country: 'IRQ', receivingAgency: 'IRQ-CTS', place: 'HOL', at: '2026-01-12', members: [{ kind: 'detainee' as const, id: isn }], assurances: 'NV-1', marking: BATCH };
    const [a, b] = await Promise.allSettled([createBatch(diplo, plan), createBatch(await w.as('diplo.s'), plan)]);
    const ok = [a, b].filter((r) => r.status === 'fulfilled');
    const refused = [a, b].flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(refused.map((e) => e.code).length + ok.length).toBe(2);
    expect(ok).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(['REPATRIATION_MEMBER_UNAVAILABLE']);
    const open = (await listBatches(diplo)).items;
    expect(open).toHaveLength(1);
    await cancelBatch(diplo, open[0]!.id);
    expect((await createBatch(diplo, plan)).status).toBe('planned');
  });
});

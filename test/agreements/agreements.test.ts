import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementsAgendaSource, changeAgreementStatus, createAgreement, listAgreements, planningConstraints, showAgreement, type TAgreementInput,
} from '../../src/agreements/index.js';
import { DomainError } from '../../src/kernel/index.js';
import { DIALECTS } from '../support/stores.js';
import { NOW, openWarningWorld, type WarningWorld } from '../warning/world.js';

async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

const ASSURANCES = [
  { kind: 'humanitarian-access' as const, text: 'The observer mission visits any detainee on 48 hours\' notice.' },
  { kind: 'humane-treatment' as const, text: 'Treatment in keeping with international standards.' },
  { kind: 'no-onward-transfer-without-consent' as const, text: 'No transfer onward without the consent of the sending parties.' },
];

function input(code: string, over: Partial<TAgreementInput> = {}): TAgreementInput {
  return {
    code, title: 'Transfer of Iraqi nationals to the receiving facility', holdingAgency: 'HF', receivingAgency: 'IRQ-CTS', airliftAgency: 'JTF',
    destination: 'BIAP', validFrom: '2026-01-01', validTo: '2026-03-31', perDay: 400, nationalityQuotas: { IRQ: 300, SYR: 80 },
    assurances: ASSURANCES, conditions: [{ kind: 'observer-present', text: 'An observer attends each arrival.' }], marking: 'C//REL TO IRQ, USA', ...over,
  };
}

describe.each(DIALECTS)('agreements (%s)', (dialect) => {
  let w: WarningWorld;
  beforeAll(async () => {
    w = await openWarningWorld(dialect);
  });
  afterAll(async () => w.close());

  it('creates a draft and refuses wrong parties, an unseen destination, a taken code and a marking above the author', async () => {
    const diplo = w.as('USA', ['diplomat']);
    const a = await createAgreement(diplo, input('TA-001'));
    expect(a).toMatchObject({ status: 'draft', version: 1, parties: { holding: 'HF', receiving: 'IRQ-CTS', airlift: 'JTF' }, nationalityQuotas: { IRQ: 300, SYR: 80 } });
    expect(a.history).toEqual([{ at: NOW, from: null, to: 'draft', by: 'usa.diplomat', note: null }]);
    expect((await errorOf(createAgreement(diplo, input('TA-002', { holdingAgency: 'JTF' })))).code).toBe('AGREEMENTS_UNKNOWN_PARTY');
    expect((await errorOf(createAgreement(diplo, input('TA-002', { receivingAgency: 'NOPE' })))).details.field).toBe('receivingAgency');
    expect((await errorOf(createAgreement(diplo, input('TA-002', { destination: 'GHW' })))).code).toBe('AGREEMENTS_UNKNOWN_DESTINATION');
    expect((await errorOf(createAgreement(diplo, input('TA-001')))).code).toBe('AGREEMENTS_DUPLICATE_CODE');
    expect((await errorOf(createAgreement(diplo, input('TA-002', { marking: 'TS//NOFORN' })))).code).toBe('AGREEMENTS_MARKING_ABOVE_CALLER');
    expect((await errorOf(createAgreement(w.as('USA', ['viewer']), input('TA-003')))).code).toBe('FORBIDDEN');
    await expect(createAgreement(diplo, input('TA-004', { validTo: '2025-12-01' }))).rejects.toThrow(/ends before it starts/);
  });

  it('moves through the lifecycle, refusing jumps, unsignable drafts and stale versions', async () => {
    const diplo = w.as('USA', ['diplomat']);
    expect((await errorOf(changeAgreementStatus(diplo, 'TA-001', { to: 'signed' }))).code).toBe('AGREEMENTS_BAD_TRANSITION');
    const n = await changeAgreementStatus(diplo, 'TA-001', { to: 'negotiating', version: 1 });
    expect(n).toMatchObject({ status: 'negotiating', version: 2 });
    expect((await errorOf(changeAgreementStatus(diplo, 'TA-001', { to: 'signed', version: 1 }))).code).toBe('STALE_VERSION');
    const s = await changeAgreementStatus(diplo, 'TA-001', { to: 'signed', note: 'signed in Baghdad' });
    expect(s.history.map((h) => h.to)).toEqual(['draft', 'negotiating', 'signed']);
    const p = await changeAgreementStatus(diplo, 'TA-001', { to: 'suspended', note: 'access refused to the observer' });
    expect(p.status).toBe('suspended');
    expect((await planningConstraints(w.as('USA', ['planner']), NOW)).quotas).toEqual([]);
    await changeAgreementStatus(diplo, 'TA-001', { to: 'signed', note: 'access restored' });
    const bare = await createAgreement(diplo, input('TA-010', { assurances: ASSURANCES.slice(0, 2) }));
    await changeAgreementStatus(diplo, bare.code, { to: 'negotiating' });
    const e = await errorOf(changeAgreementStatus(diplo, bare.code, { to: 'signed' }));
    expect(e).toMatchObject({ code: 'AGREEMENTS_NOT_SIGNABLE' });
    expect(e.message).toMatch(/no-onward-transfer-without-consent/);
    const audit = await w.store.db.selectFrom('audit_events').select('action').where('action', 'like', 'agreement.%').execute();
    expect(audit.filter((a) => a.action === 'agreement.status')).toHaveLength(5);
    expect(await w.store.db.deleteFrom('agreement_events').execute().then(() => 'deleted', () => 'refused')).toBe('refused');
  });

  it('gives the planner the quotas of signed agreements valid on the day, and the agenda the changes', async () => {
    const planner = w.as('USA', ['planner']);
    const c = await planningConstraints(planner, NOW);
    expect(c.quotas).toEqual([{ destination: 'BIAP', perDay: 400 }]);
    expect(c.agreements[0]).toMatchObject({ code: 'TA-001', nationalityQuotas: { IRQ: 300, SYR: 80 } });
    expect((await planningConstraints(planner, '2026-04-02T00:00:00Z')).quotas).toEqual([]);
    const items = await agreementsAgendaSource.items(planner, { since: '2026-01-01T00:00:00Z', until: NOW });
    expect(items.filter((i) => i.ref?.id === 'TA-001').map((i) => [i.title, i.severity])).toEqual([
      ['TA-001 drafted: Transfer of Iraqi nationals to the receiving facility', 'info'], ['TA-001: draft → negotiating', 'info'],
      ['TA-001: negotiating → signed', 'warning'], ['TA-001: signed → suspended', 'critical'], ['TA-001: suspended → signed', 'warning'],
    ]);
  });

  it('scopes reads: a reader outside the marking sees neither the agreement, its quotas nor its agenda items', async () => {
    const syr = w.as('SYR', ['planner', 'diplomat']);
    expect((await listAgreements(syr)).items).toEqual([]);
    expect((await errorOf(showAgreement(syr, 'TA-001'))).code).toBe('NOT_FOUND');
    expect((await planningConstraints(syr, NOW)).quotas).toEqual([]);
    expect(await agreementsAgendaSource.items(syr, { since: '2026-01-01T00:00:00Z', until: NOW })).toEqual([]);
    expect((await errorOf(changeAgreementStatus(syr, 'TA-001', { to: 'suspended' }))).code).toBe('NOT_FOUND');
    const irq = w.as('IRQ', ['viewer']);
    expect((await listAgreements(irq)).items.map((a) => a.code)).toEqual(['TA-001', 'TA-010']);
    expect((await listAgreements(irq)).marking).toBe('C//REL TO IRQ, USA');
  });
});

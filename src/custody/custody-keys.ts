import type { KeyObject } from 'node:crypto';
import { DomainError, conflict } from '../kernel/index.js';
import { findAgencyByCode, listAgencies, requirePermission } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { LOG_ORIGIN, logKeyName, type CustodyCtx } from './context.js';
import { CustodyErrors } from './custody.errors.js';
import { ZAgencyKeyRequest, type TAgencyKeyRequest, type TCustodyKey, type TCustodyKeys } from './custody.schemas.js';
import { agencyKeyName } from './event-sign.js';
import { newKeyPair, rawPublicKey, signerOf } from './keyring.js';
import { allKeys, currentKey, currentKeys, insertKey, type KeyRow } from './keys.store.js';
import { formatVerifierKey, keyIdOf, parseVerifierKey, type Signer, type VerifierKey } from './note.js';

/**
 * Signing keys: each agency's Ed25519 key pair and the log's own. The private half goes to the keyring
 * first (durably), then the public half is published in the append-only key table, so a published key
 * always has its private half somewhere. Rotation publishes a new generation under a new name; older keys
 * stay published, so everything they signed still verifies.
 */

async function publish(cx: CustodyCtx, db: Db, spec: { name: string; agencyId: string | null; generation: number }): Promise<{ row: KeyRow; key: KeyObject }> {
  const { privateKey, publicKey } = newKeyPair();
  const id = keyIdOf(spec.name, publicKey);
  await cx.keyring.put(spec.name, id, privateKey);
  const row: KeyRow = {
    name: spec.name, key_id: id, public_key: publicKey.toString('base64'), verifier: formatVerifierKey(spec.name, publicKey),
    role: spec.agencyId === null ? 'log' : 'agency', agency_id: spec.agencyId, generation: spec.generation, created_at: cx.clock.now().toISOString(),
  };
  await insertKey(db, row);
  await cx.audit.record(db, { action: 'custody.key.publish', subjectType: 'custody-key', subjectId: spec.name, details: { keyId: id, generation: spec.generation } });
  return { row, key: privateKey };
}

function present(row: KeyRow, agency: string | null, current: boolean): TCustodyKey {
  return { name: row.name, id: row.key_id, verifier: row.verifier, role: row.role as TCustodyKey['role'], agency, generation: row.generation, current, createdAt: row.created_at };
}

async function agencyOf(db: Db, code: string): Promise<{ id: string; code: string }> {
  const a = await findAgencyByCode(db, code);
  if (!a) throw new DomainError('invalid', CustodyErrors.CUSTODY_UNKNOWN_AGENCY, `agency: no agency with code ${code}`, { field: 'agency', reason: 'unknown agency code' });
  return a;
}

/**
 * Creates an agency's first signing key. Requires `custody:keys`.
 * @throws DomainError CUSTODY_UNKNOWN_AGENCY, CUSTODY_KEY_EXISTS (rotate instead).
 */
export async function createAgencyKey(cx: CustodyCtx, raw: TAgencyKeyRequest): Promise<TCustodyKey> {
  requirePermission(cx.principal, 'custody:keys');
  const input = ZAgencyKeyRequest.parse(raw);
  return inTransaction(cx.db, async (trx) => {
    const agency = await agencyOf(trx, input.agency);
    if (await currentKey(trx, agency.id)) throw conflict(CustodyErrors.CUSTODY_KEY_EXISTS, `agency ${agency.code} already has a signing key; rotate it`, { field: 'agency', reason: 'key exists' });
    const { row } = await publish(cx, trx, { name: agencyKeyName(agency.code, 1), agencyId: agency.id, generation: 1 });
    return present(row, agency.code, true);
  });
}

/** Replaces an agency's signing key with a new generation. Requires `custody:keys`. @throws CUSTODY_NO_KEY. */
export async function rotateAgencyKey(cx: CustodyCtx, raw: TAgencyKeyRequest): Promise<TCustodyKey> {
  requirePermission(cx.principal, 'custody:keys');
  const input = ZAgencyKeyRequest.parse(raw);
  return inTransaction(cx.db, async (trx) => {
    const agency = await agencyOf(trx, input.agency);
    const cur = await currentKey(trx, agency.id);
    if (!cur) throw conflict(CustodyErrors.CUSTODY_NO_KEY, `agency ${agency.code} has no signing key; create one`, { field: 'agency', reason: 'no key' });
    const { row } = await publish(cx, trx, { name: agencyKeyName(agency.code, cur.generation + 1), agencyId: agency.id, generation: cur.generation + 1 });
    return present(row, agency.code, true);
  });
}

/**
 * Creates (or, with `rotate`, replaces) the log's checkpoint-signing key. Requires `custody:keys`.
 * @throws DomainError CUSTODY_KEY_EXISTS, CUSTODY_NO_KEY.
 */
export async function publishLogKey(cx: CustodyCtx, db: Db, opts: { rotate: boolean }): Promise<{ key: TCustodyKey; signer: Signer }> {
  requirePermission(cx.principal, 'custody:keys');
  const cur = await currentKey(db, null);
  if (cur && !opts.rotate) throw conflict(CustodyErrors.CUSTODY_KEY_EXISTS, 'the log already has a signing key; rotate it', { reason: 'key exists' });
  if (!cur && opts.rotate) throw conflict(CustodyErrors.CUSTODY_NO_KEY, 'the log has no signing key; create one', { reason: 'no key' });
  const generation = (cur?.generation ?? 0) + 1;
  const { row, key } = await publish(cx, db, { name: logKeyName(generation), agencyId: null, generation });
  return { key: present(row, null, true), signer: signerOf(row.name, key) };
}

/** The signer of a published key, from the keyring. @throws CUSTODY_KEY_UNAVAILABLE when absent or mismatched. */
export async function signerOfRow(cx: CustodyCtx, row: KeyRow): Promise<Signer> {
  const key = await cx.keyring.get(row.name, row.key_id);
  if (!key || rawPublicKey(key).toString('base64') !== row.public_key) {
    throw new DomainError('unavailable', CustodyErrors.CUSTODY_KEY_UNAVAILABLE, `the private key of ${row.name}+${row.key_id} is not in the keyring (${cx.keyring.location})`, { reason: 'private key unavailable' });
  }
  return signerOf(row.name, key);
}

/** The current signer of an agency. @throws CUSTODY_NO_KEY, CUSTODY_KEY_UNAVAILABLE. */
export async function agencySigner(cx: CustodyCtx, db: Db, agency: { id: string; code: string }): Promise<Signer> {
  const row = await currentKey(db, agency.id);
  if (!row) throw conflict(CustodyErrors.CUSTODY_NO_KEY, `agency ${agency.code} has no signing key; create one with \`custody keys create --agency ${agency.code}\``, { field: 'agency', reason: 'no key' });
  return signerOfRow(cx, row);
}

/** The log's current signer. @throws CUSTODY_NO_KEY, CUSTODY_KEY_UNAVAILABLE. */
export async function logSigner(cx: CustodyCtx, db: Db): Promise<Signer> {
  const row = await currentKey(db, null);
  if (!row) throw conflict(CustodyErrors.CUSTODY_NO_KEY, 'the log has no signing key; create one with `custody keys create --log`', { reason: 'no key' });
  return signerOfRow(cx, row);
}

/**
 * The current signers of `agencies`, creating a first key for any that has none, and a log key if the log
 * has none: the scenario loader's way to sign intakes for agencies it has just created. Requires `scenario:load`.
 */
export async function ensureSigners(cx: CustodyCtx, db: Db, agencies: readonly { id: string; code: string }[]): Promise<Map<string, Signer>> {
  requirePermission(cx.principal, 'scenario:load');
  if (!(await currentKey(db, null))) await publish(cx, db, { name: logKeyName(1), agencyId: null, generation: 1 });
  const have = await currentKeys(db, agencies.map((a) => a.id));
  const out = new Map<string, Signer>();
  for (const a of agencies) {
    const row = have.get(a.id);
    if (row) {
      out.set(a.code, await signerOfRow(cx, row));
    } else {
      const made = await publish(cx, db, { name: agencyKeyName(a.code, 1), agencyId: a.id, generation: 1 });
      out.set(a.code, signerOf(made.row.name, made.key));
    }
  }
  return out;
}

/** Every published key, the current ones marked. Public: anyone may verify. */
export async function listKeys(db: Db): Promise<TCustodyKeys> {
  const rows = await allKeys(db);
  const codes = new Map((await listAgencies(db)).map((a) => [a.id, a.code]));
  const newest = new Map<string, number>();
  for (const r of rows) newest.set(r.agency_id ?? '', Math.max(newest.get(r.agency_id ?? '') ?? 0, r.generation));
  const keys = rows.map((r) => present(r, r.agency_id ? (codes.get(r.agency_id) ?? null) : null, newest.get(r.agency_id ?? '') === r.generation));
  return { origin: LOG_ORIGIN, log: keys.find((k) => k.role === 'log' && k.current)?.verifier ?? null, keys };
}

/** Every published key as a verifier, by name. */
export async function verifierKeys(db: Db): Promise<Map<string, VerifierKey>> {
  const out = new Map<string, VerifierKey>();
  for (const r of await allKeys(db)) {
    const k = parseVerifierKey(r.verifier);
    if (typeof k !== 'string') out.set(k.name, k);
  }
  return out;
}

/** The log's keys (every generation) as verifiers: what checkpoints are checked against. */
export async function logVerifierKeys(db: Db): Promise<VerifierKey[]> {
  const out: VerifierKey[] = [];
  for (const r of await allKeys(db)) {
    if (r.role !== 'log') continue;
    const k = parseVerifierKey(r.verifier);
    if (typeof k !== 'string') out.push(k);
  }
  return out;
}

import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TBundle, TCustodyKeys, THandover, TTimeline } from '../../../src/custody/custody.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useBundle, usePublishedKeys, useTimeline } from './api.js';
import { verifyBundle, type BundleVerdict, type EntryVerdict } from './verify.js';
import './custody.css';

type Entry = TTimeline['entries'][number];
type Party = { agency: string; key: string; place: string };

/** The browser's own check of the bundle against the published keys: null while it runs. */
function useBrowserVerdict(bundle: TBundle | undefined, keys: TCustodyKeys | undefined): { verdict: BundleVerdict | null; done: number; error: string | null } {
  // The state remembers which bundle it is about, so a new bundle reads as "checking" without a reset in the effect.
  const [state, setState] = useState<{ of: TBundle | null; verdict: BundleVerdict | null; done: number; error: string | null }>({ of: null, verdict: null, done: 0, error: null });
  useEffect(() => {
    if (!bundle || !keys) return undefined;
    let live = true;
    verifyBundle(bundle, keys, (done) => { if (live) setState({ of: bundle, verdict: null, done, error: null }); })
      .then((verdict) => { if (live) setState({ of: bundle, verdict, done: bundle.entries.length, error: null }); })
      .catch((e: unknown) => { if (live) setState({ of: bundle, verdict: null, done: 0, error: (e as Error).message }); });
    return () => { live = false; };
  }, [bundle, keys]);
  return state.of === bundle ? state : { verdict: null, done: 0, error: null };
}

function Tick({ ok, label }: { ok: boolean; label: string }) {
  return <span className={ok ? 'tick tick-ok' : 'tick tick-bad'} role="img" aria-label={label} title={label}>{ok ? '✓' : '✗'}</span>;
}

function partiesOf(e: Entry): { role: string; party: Party }[] {
  const ev = e.event as { type: string; from?: Party; to?: Party; custodian?: Party };
  if (ev.type === 'handover' && ev.from && ev.to) return [{ role: 'releasing', party: ev.from }, { role: 'receiving', party: ev.to }];
  return ev.custodian ? [{ role: 'custodian', party: ev.custodian }] : [];
}

function Signatures({ entry, verdict }: { entry: Entry; verdict: EntryVerdict | undefined }) {
  return (
    <ul className="signatures">
      {partiesOf(entry).map(({ role, party }) => {
        const sig = entry.event.signatures.find((s) => s.key === party.key);
        const checked = verdict?.signatures.find((s) => s.key === party.key);
        return (
          <li key={role} data-testid="signature" data-agency={party.agency} data-verified={checked?.ok ? 'yes' : 'no'}>
            {checked ? <Tick ok={checked.ok} label={checked.ok ? `signature of ${party.agency} verified in this browser` : `signature of ${party.agency} does not verify`} /> : <span className="tick tick-wait" aria-label="checking">…</span>}{' '}
            <strong>{party.agency}</strong> ({role}, at {party.place}) signed with <code>{sig ? `${sig.key}+${sig.id}` : 'no signature'}</code>
          </li>
        );
      })}
    </ul>
  );
}

function ProofStatus({ entry, verdict, finished }: { entry: Entry; verdict: EntryVerdict | undefined; finished: boolean }) {
  if (!verdict && finished) return <p className="proof proof-bad" data-testid="proof-status" data-state="failed"><Tick ok={false} label="not verified" /> Not in the proof bundle: reload the page.</p>;
  if (!verdict) return <p className="proof proof-wait" data-testid="proof-status" data-state="checking">Checking the inclusion proof in this browser…</p>;
  return (
    <div className={verdict.ok ? 'proof proof-ok' : 'proof proof-bad'} data-testid="proof-status" data-state={verdict.ok ? 'verified' : 'failed'}>
      <Tick ok={verdict.ok} label={verdict.ok ? 'verified in this browser' : 'verification failed'} />{' '}
      {verdict.ok ? 'Included in the signed log, and every signature verifies — checked in this browser.' : `Not verified: ${verdict.problems.join('; ')}`}
      <span className="server-flag"> (the server's own check says: {entry.proof})</span>
    </div>
  );
}

function describe(e: Entry): string {
  const ev = e.event as Record<string, unknown>;
  const parts: string[] = [];
  const condition = ev.condition as { status?: string; notes?: string } | undefined;
  if (condition?.status) parts.push(`condition ${humanize(condition.status)}${condition.notes ? ` (${condition.notes})` : ''}`);
  const bio = ev.biometric as { modality?: string; score?: number } | undefined;
  if (bio?.modality) parts.push(`biometric ${bio.modality} ${String(bio.score ?? '')}`);
  const witnesses = ev.witnesses as { name: string; role?: string }[] | undefined;
  if (witnesses && witnesses.length > 0) parts.push(`witnessed by ${witnesses.map((w) => w.name + (w.role ? ` (${w.role})` : '')).join(', ')}`);
  if (typeof ev.description === 'string') parts.push(ev.description);
  return parts.join(' · ');
}

function EntryItem({ entry, verdict, marking, finished }: { entry: Entry; verdict: EntryVerdict | undefined; marking: string; finished: boolean }) {
  const ev = entry.event as { type: string; time: string; from?: Party; to?: Party; custodian?: Party };
  const title = ev.type === 'handover' && ev.from && ev.to ? `Handover ${ev.from.agency} → ${ev.to.agency}` : humanize(ev.type);
  return (
    <li className={`timeline-entry timeline-${ev.type}`} data-testid="timeline-entry" data-type={ev.type} data-index={entry.index}>
      <h3>
        <PortionMark marking={marking} /> {title} <span className="muted">— entry {entry.index}, {ev.time.slice(0, 16).replace('T', ' ')} UTC</span>
      </h3>
      {describe(entry) && <p>{describe(entry)}</p>}
      <Signatures entry={entry} verdict={verdict} />
      <ProofStatus entry={entry} verdict={verdict} finished={finished} />
    </li>
  );
}

function Pending({ items }: { items: THandover[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">Pending handovers</h2>
      <ul>
        {items.map((h) => (
          <li key={h.id} data-testid="pending-handover">
            {h.from.agency} → {h.to.agency} at {h.to.place}, proposed {h.createdAt.slice(0, 16).replace('T', ' ')} UTC; signed so far by {h.signedBy.join(', ') || 'nobody'} (<Link to="/custody/handovers">queue</Link>)
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A detainee's custody timeline: every logged event with both signatures of each handover, and a proof status
 * the browser computes itself from the detainee's bundle and the published keys.
 */
export function TimelinePage() {
  const { isn = '' } = useParams();
  const timeline = useTimeline(isn);
  const bundle = useBundle(isn);
  const keys = usePublishedKeys();
  const { verdict, done, error } = useBrowserVerdict(bundle.data, keys.data);
  const t = timeline.data;
  useShownMarkings(t ? [t.marking, ...t.pending.flatMap((p) => (p.marking ? [p.marking] : []))] : []);
  useTitle(`Custody of ${isn}`);
  if (timeline.isPending) return <Loading what="the custody timeline" />;
  if (timeline.isError || !t) return <ErrorState error={timeline.error} what="the custody timeline" retry={() => void timeline.refetch()} />;
  const total = bundle.data?.entries.length ?? t.entries.length;
  return (
    <article className="page custody-timeline" aria-labelledby="timeline-title">
      <p className="breadcrumb">
        <Link to="/detainees">Detainees</Link> / <Link to={`/detainees/${encodeURIComponent(t.detainee)}`}>{t.detainee}</Link> / custody
      </p>
      <h1 id="timeline-title"><PortionMark marking={t.marking} /> Chain of custody of {t.detainee}</h1>
      <dl className="details">
        <dt>Custodian now</dt>
        <dd data-testid="custodian">{t.custodian ? `${t.custodian.agency} at ${t.custodian.place}` : '—'}</dd>
        <dt>Chain of custody</dt>
        <dd>{t.chain.ok ? 'unbroken' : `broken at entry ${t.chain.at ?? '?'}: ${t.chain.fault ?? ''}`}</dd>
        <dt>Signed log head</dt>
        <dd className="mono">{t.checkpoint ? `size ${t.checkpoint.size}, root ${t.checkpoint.root}` : 'none yet'}</dd>
      </dl>
      <div className="browser-check" role="status" aria-live="polite" data-testid="browser-check" data-state={verdict ? (verdict.ok ? 'verified' : 'failed') : error || bundle.isError || keys.isError ? 'error' : 'checking'}>
        {verdict ? (
          verdict.ok ? (
            <p><Tick ok label="verified" /> All {verdict.entries.size} entries verified in this browser (WebCrypto) against the log key <code>{verdict.checkpoint?.signedBy}</code> published at <a href="/api/custody/keys">/api/custody/keys</a>: checkpoint of size {verdict.checkpoint?.size}.</p>
          ) : (
            <p><Tick ok={false} label="failed" /> This browser could not verify the record: {[...verdict.problems, ...[...verdict.entries.values()].flatMap((v) => v.problems.map((p) => `entry ${v.index}: ${p}`))].slice(0, 4).join('; ')}</p>
          )
        ) : error || bundle.isError || keys.isError ? (
          <p><Tick ok={false} label="failed" /> The proofs could not be checked: {error ?? 'the bundle or the keys did not load'}.</p>
        ) : (
          <p>Checking the proofs in this browser… <progress max={total} value={done} aria-label="entries checked" /> {done} / {total}</p>
        )}
        <p className="muted"><a href={`/api/custody/detainees/${encodeURIComponent(t.detainee)}/bundle`} download={`${t.detainee}.bundle.json`}>Download the proof bundle</a> to check it offline (<code>sallyport custody check-bundle</code>).</p>
      </div>
      <Pending items={t.pending} />
      <section aria-labelledby="events-title">
        <h2 id="events-title">Logged events</h2>
        <ol className="timeline">
          {t.entries.map((e) => <EntryItem key={e.index} entry={e} verdict={verdict?.entries.get(e.index)} marking={t.marking} finished={verdict !== null} />)}
        </ol>
      </section>
    </article>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TCheckpointInfo, TCustodyKeys, TVerificationRun, TVerifyReport } from '../../../src/custody/custody.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { streamVerification, useLogStatus, usePublishedKeys } from './api.js';
import { GrowthChart } from './GrowthChart.js';
import { base64Of, importPublishedKeys, verifyCheckpointNote, type CheckpointVerdict } from './verify.js';
import './custody.css';

const when = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

/** The checkpoint's signature and text, checked in the browser against the published log keys. */
function useCheckpointVerdict(cp: TCheckpointInfo | null | undefined, keys: TCustodyKeys | undefined): CheckpointVerdict | null {
  const [verdict, setVerdict] = useState<CheckpointVerdict | null>(null);
  useEffect(() => {
    if (!cp || !keys) return undefined;
    let live = true;
    void (async () => {
      const { keys: imported } = await importPublishedKeys(keys);
      const v = await verifyCheckpointNote(cp.note, imported);
      // The note must say what the server says it says.
      const same = v.ok && v.size === cp.size && v.root !== null && base64Of(v.root) === cp.root;
      if (live) setVerdict(same || !v.ok ? v : { ...v, ok: false, problem: 'the note does not say the size and root shown' });
    })();
    return () => { live = false; };
  }, [cp, keys]);
  return verdict;
}

function Head({ cp, verdict }: { cp: TCheckpointInfo; verdict: CheckpointVerdict | null }) {
  return (
    <section aria-labelledby="head-title">
      <h2 id="head-title">Current signed head</h2>
      <dl className="details">
        <dt>Entries</dt>
        <dd data-testid="log-size">{cp.size.toLocaleString('en-GB')}</dd>
        <dt>Root hash</dt>
        <dd className="mono">{cp.root}</dd>
        <dt>Signed at</dt>
        <dd>{cp.time ? when(cp.time) : '—'}</dd>
        <dt>Signature</dt>
        <dd data-testid="head-signature" data-state={verdict ? (verdict.ok ? 'verified' : 'failed') : 'checking'}>
          {!verdict ? 'checking in this browser…' : verdict.ok ? <><span className="tick tick-ok" aria-hidden="true">✓</span> signed by <code>{verdict.signedBy}</code>, verified in this browser against the published key</> : <><span className="tick tick-bad" aria-hidden="true">✗</span> {verdict.problem}</>}
        </dd>
      </dl>
      <details>
        <summary>The checkpoint note (C2SP tlog-checkpoint)</summary>
        <pre className="note">{cp.note}</pre>
      </details>
    </section>
  );
}

function RunLine({ run }: { run: TVerificationRun }) {
  return (
    <tr data-testid="verification-run" data-ok={run.ok ? 'yes' : 'no'}>
      <td>{when(run.finishedAt)}</td>
      <td>{run.runBy}{run.agency ? ` (${run.agency})` : ''}</td>
      <td className="num">{run.size.toLocaleString('en-GB')}</td>
      <td>{run.signatures ? 'hashes, heads, signatures, chain' : 'hashes and heads'}</td>
      <td>{run.ok ? <><span className="tick tick-ok" aria-hidden="true">✓</span> intact</> : <><span className="tick tick-bad" aria-hidden="true">✗</span> entry {run.firstBad?.index ?? '—'} ({run.firstBad?.what}): {run.firstBad?.reason}</>}</td>
    </tr>
  );
}

/** Runs a full verification on the server and shows its progress as the stream reports it. */
function VerifyPanel({ last }: { last: TVerificationRun | null }) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<TVerifyReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [signatures, setSignatures] = useState(true);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const run = () => {
    abort.current = new AbortController();
    setProgress({ done: 0, total: 0 });
    setReport(null);
    setFailure(null);
    streamVerification(signatures, (e) => { if (e.type === 'progress') setProgress({ done: e.done, total: e.total }); }, abort.current.signal)
      .then((r) => { setReport(r); return client.invalidateQueries({ queryKey: ['custody', 'log'] }); })
      .catch((e: unknown) => { if (!(e instanceof DOMException && e.name === 'AbortError')) setFailure((e as Error).message); })
      .finally(() => setProgress(null));
  };
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">Full verification</h2>
      <p>
        Last run:{' '}
        <span data-testid="last-verification">
          {last ? `${when(last.finishedAt)} by ${last.runBy} over ${last.size.toLocaleString('en-GB')} entries — ${last.ok ? 'intact' : `FAULT at entry ${last.firstBad?.index ?? '—'}: ${last.firstBad?.reason ?? ''}`}` : 'never'}
        </span>
      </p>
      <p>The server recomputes every leaf and subtree hash from storage, checks every signed head and witnessed head{signatures ? ', every agency signature and the chain of custody of every detainee' : ''}, and names the first bad entry.</p>
      <label className="check"><input type="checkbox" checked={signatures} onChange={(e) => setSignatures(e.target.checked)} disabled={progress !== null} /> Also check every event signature and chain (slower)</label>
      <button type="button" onClick={run} disabled={progress !== null}>Verify the whole log</button>
      {progress && (
        <p role="status" aria-live="polite" data-testid="verify-progress">
          <progress max={progress.total || 1} value={progress.done} aria-label="entries verified" /> {progress.done.toLocaleString('en-GB')} / {progress.total ? progress.total.toLocaleString('en-GB') : '…'} entries
        </p>
      )}
      {report && (
        <p role="status" data-testid="verify-result" data-ok={report.ok ? 'yes' : 'no'} className={report.ok ? 'proof proof-ok' : 'proof proof-bad'}>
          {report.ok
            ? `✓ Intact: ${report.entries.toLocaleString('en-GB')} entries, ${report.nodes.toLocaleString('en-GB')} subtree hashes, ${report.checkpoints} signed heads, ${report.signatures} signatures, ${report.witnessHeads} witnessed heads.`
            : `✗ Fault at entry ${report.firstBad?.index ?? '—'} (${report.firstBad?.what ?? ''}): ${report.firstBad?.reason ?? ''}`}
        </p>
      )}
      {failure && <p className="form-error" role="alert">{failure}</p>}
    </section>
  );
}

/** The custody log: its current signed head (checked in the browser), full verification with progress, and the record of runs. */
export function LogPage() {
  const status = useLogStatus();
  const keys = usePublishedKeys();
  const verdict = useCheckpointVerdict(status.data?.checkpoint, keys.data);
  // The log's size, root and runs reveal no record: the page shows nothing marked.
  useShownMarkings([]);
  useTitle('Custody log');
  if (status.isPending) return <Loading what="the custody log" />;
  if (status.isError) return <ErrorState error={status.error} what="the custody log" retry={() => void status.refetch()} />;
  const s = status.data;
  return (
    <article className="page custody-log" aria-labelledby="log-title">
      <h1 id="log-title">Custody log</h1>
      {s.checkpoint ? <Head cp={s.checkpoint} verdict={verdict} /> : <p className="state state-empty">The log has no signed head yet (no log key).</p>}
      <GrowthChart points={s.growth} />
      <VerifyPanel last={s.lastVerification} />
      <section aria-labelledby="runs-title">
        <h2 id="runs-title">Recorded verifications</h2>
        {s.verifications.length === 0 ? <p className="state state-empty">No verification has been run.</p> : (
          <table className="data-table">
            <thead><tr><th scope="col">Finished</th><th scope="col">By</th><th scope="col">Entries</th><th scope="col">Checked</th><th scope="col">Result</th></tr></thead>
            <tbody>{s.verifications.map((r) => <RunLine key={r.id} run={r} />)}</tbody>
          </table>
        )}
      </section>
    </article>
  );
}

import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { TCaseDetail, TEvidenceItem } from '../../../src/cases/cases.schemas.js';
import { useMe } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { exportHref, useCase, useRequestRelease } from './api.js';
import { Readiness } from './Readiness.js';
import { VersionView } from './VersionView.js';
import './cases.css';

function markingsOf(c: TCaseDetail): string[] {
  return [c.marking, c.readiness.marking, ...c.detainees.map((d) => d.marking), ...c.items.flatMap((i) => [...i.versions.map((v) => v.marking), ...i.custody.map((e) => e.marking)])];
}

/** A prosecutor's request that the newest version they see of an item go to the jurisdiction's prosecutor. */
function RequestRelease({ item, country }: { item: TEvidenceItem; country: string }) {
  const request = useRequestRelease();
  const [purpose, setPurpose] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    request.mutate({ item: item.ref, audience: { kind: 'prosecutor', country }, purpose });
  }
  if (request.isSuccess) return <p role="status">Requested: {request.data.agency} reviews it by {request.data.dueAt.slice(0, 10)}.</p>;
  return (
    <form className="decision-form" onSubmit={submit} aria-label={`Request release of ${item.ref}`}>
      <label>
        Purpose of the release to the prosecutor of {countryName(country)}
        <input value={purpose} onChange={(e) => setPurpose(e.target.value)} required />
      </label>
      <button type="submit" disabled={request.isPending}>Request release</button>
      {request.isError && <p role="alert">{request.error.message}</p>}
    </form>
  );
}

function ItemView({ item, file, canRequest }: { item: TEvidenceItem; file: TCaseDetail; canRequest: boolean }) {
  const state = file.readiness.items.find((r) => r.item === item.ref)?.state;
  return (
    <article className="evidence-item" data-testid={`item-${item.ref}`}>
      <h3>{item.ref}: {humanize(item.kind)} <span className="badge">{state ? humanize(state) : ''}</span></h3>
      <p className="version-meta">Dated {item.dated}, originated by {item.agency}</p>
      {item.versions.map((v) => <VersionView key={v.id} v={v} />)}
      {item.custody.length > 0 && (
        <ol className="custody-list" aria-label="Chain of custody">
          {item.custody.map((e) => (
            <li key={e.seq}><PortionMark marking={e.marking} /> {e.at.slice(0, 16).replace('T', ' ')} {humanize(e.action)} by {e.actor}{e.place ? ` at ${e.place}` : ''}{e.note ? ` (${e.note})` : ''}</li>
          ))}
        </ol>
      )}
      {canRequest && state === 'not-requested' && <RequestRelease item={item} country={file.jurisdiction.country} />}
    </article>
  );
}

/** A case file: detainees, readiness, evidence with every version and custody step the user may see, exports. */
export function CasePage() {
  const { ref = '' } = useParams();
  useTitle(`Case ${ref}`);
  const file = useCase(ref);
  const me = useMe();
  useShownMarkings(file.data ? markingsOf(file.data) : []);
  if (file.isPending) return <div className="page"><Loading what="the case file" /></div>;
  if (file.isError) return <div className="page"><ErrorState error={file.error} what="the case file" retry={() => void file.refetch()} /></div>;
  const c = file.data;
  const canRequest = me.data?.roles.includes('prosecutor') ?? false;
  return (
    <div className="page">
      <h1><PortionMark marking={c.marking} /> {c.title} <span className="code">{c.ref}</span></h1>
      <p><PortionMark marking={c.marking} /> {humanize(c.status)} · {humanize(c.jurisdiction.kind)} jurisdiction: {c.jurisdiction.name ?? countryName(c.jurisdiction.country)} ({c.jurisdiction.country}) · prosecutor's agency {c.agency}</p>
      <p><PortionMark marking={c.marking} /> Charges considered: {c.charges.join('; ') || 'none recorded'}</p>
      <nav className="export-links" aria-label="Export">
        <a href={exportHref(c.ref, 'html')} target="_blank" rel="noreferrer">Export (HTML, printable)</a>
        <a href={exportHref(c.ref, 'markdown')}>Export (Markdown)</a>
        <a href={exportHref(c.ref, 'pdf')}>Export (PDF)</a>
      </nav>
      <h2>Readiness</h2>
      <Readiness r={c.readiness} />
      <h2>Detainees</h2>
      {c.detainees.length === 0 ? <Empty>No detainee of this case is visible to you.</Empty> : (
        <ul>{c.detainees.map((d) => <li key={d.id}><PortionMark marking={d.marking} /> {d.isn}: {d.name} ({countryName(d.nationality)})</li>)}</ul>
      )}
      <h2>Evidence</h2>
      {c.items.length === 0 ? <Empty>There is no evidence you may see in this case.</Empty> : c.items.map((i) => <ItemView key={i.id} item={i} file={c} canRequest={canRequest} />)}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { TReleaseResult } from '../../../src/camps/camps.schemas.js';
import { ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { countryOptions } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useHousehold, useRelease } from './api.js';

function Members({ household, chosen, toggle }: { household: string; chosen: ReadonlySet<string>; toggle: (id: string) => void }) {
  const h = useHousehold(household);
  useShownMarkings(h.data ? h.data.residents.map((r) => r.marking) : []);
  if (h.isPending) return <Loading what="the household" />;
  if (h.isError) return <ErrorState error={h.error} what="the household" />;
  const present = h.data.residents.filter((r) => r.status === 'resident');
  if (present.length === 0) return <p className="state state-empty">Nobody of this household is present.</p>;
  return (
    <fieldset>
      <legend>Who leaves</legend>
      {present.map((r) => (
        <label key={r.id} className="check">
          <input type="checkbox" checked={chosen.has(r.id)} onChange={() => toggle(r.id)} />
          {r.nameLatin ?? '(name withheld)'} — {r.relation ?? '?'}, {r.age ?? '?'}
        </label>
      ))}
    </fieldset>
  );
}

/** The release form: residents of one household leave together, children with their guardian. */
export function ReleasePage() {
  const { code = '' } = useParams();
  useTitle(`Release from ${code}`);
  const [household, setHousehold] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<TReleaseResult | null>(null);
  const release = useRelease(code);
  const toggle = (id: string) => setChosen((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === 'string' ? v.trim() : '';
    };
    release.mutate(
      { residents: [...chosen], kind: text('kind') === 'repatriation' ? 'repatriation' : 'release', releasedTo: text('releasedTo'), destination: text('destination'), destinationCountry: text('country'), ...(text('agreement') ? { agreement: text('agreement') } : {}) },
      { onSuccess: (r) => { setDone(r); setChosen(new Set()); } },
    );
  };
  return (
    <article className="page" aria-labelledby="rel-title">
      <p className="breadcrumb"><Link to="/camps">Camps</Link> / <Link to={`/camps/${encodeURIComponent(code)}`}>{code}</Link> / release</p>
      <h1 id="rel-title">Record a release from {code}</h1>
      {done && (
        <p className="release-result" role="status" data-testid="release-result">
          Released {done.released.length} (batch {done.batch}) under {done.authority ?? 'no recorded authority'}; {done.population} present now.
        </p>
      )}
      <form className="release-form" onSubmit={submit}>
        <label>Household code<input name="household" value={household} onChange={(e) => { setHousehold(e.target.value.trim().toUpperCase()); setChosen(new Set()); }} /></label>
        {household.length >= 3 && <Members household={household} chosen={chosen} toggle={toggle} />}
        <label>Kind<select name="kind" defaultValue="release"><option value="release">release</option><option value="repatriation">repatriation</option></select></label>
        <label>Released to<input name="releasedTo" required /></label>
        <label>Destination<input name="destination" required /></label>
        <label>Destination country<select name="country" defaultValue="IRQ">{countryOptions().map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}</select></label>
        <label>Agreement reference<input name="agreement" /></label>
        {release.isError && <p className="form-error" role="alert">{release.error instanceof ApiError ? release.error.message : 'The release was not recorded.'}</p>}
        <button type="submit" disabled={chosen.size === 0 || release.isPending}>Record the release</button>
      </form>
    </article>
  );
}

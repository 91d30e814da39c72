import type { FormEvent } from 'react';
import { AREA_CONTROL, type TIndicatorInput } from '../../../src/warning/warning.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { ErrorState, Loading } from '../common/states.js';
import { useIndicators, useRecordIndicator } from './api.js';

const NUMBERS = [
  ['guardStrength', 'Guard strength'], ['population', 'Population'], ['capacity', 'Capacity'], ['daysSinceResupply', 'Days since resupply'],
  ['riots', 'Riots since last'], ['escapeAttempts', 'Escape attempts since last'], ['guardDesertions', 'Guard desertions since last'],
] as const;

/** A site's indicator observations over time, and a form to record one (only what was observed). */
export function Indicators({ code, marking }: { code: string; marking: string }) {
  const list = useIndicators(code);
  const record = useRecordIndicator();
  useShownMarkings(list.data ? [list.data.marking] : []);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === 'string' ? v.trim() : '';
    };
    const body: TIndicatorInput = { facility: code, marking: text('marking') };
    for (const [k] of NUMBERS) if (text(k) !== '') body[k] = Number(text(k));
    const control = text('areaControl');
    if ((AREA_CONTROL as readonly string[]).includes(control)) body.areaControl = control as TIndicatorInput['areaControl'];
    if (text('note')) body.note = text('note');
    record.mutate(body);
  };
  return (
    <>
      {list.isPending ? <Loading what="the indicators" /> : list.isError ? <ErrorState error={list.error} what="the indicators" /> : list.data.items.length === 0 ? (
        <p className="state state-empty">No observation recorded that you may see.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="indicator-table">
            <thead>
              <tr>
                <th scope="col">Observed</th><th scope="col" className="num">Guards</th><th scope="col" className="num">Population</th><th scope="col" className="num">Resupply (days)</th>
                <th scope="col" className="num">Riots</th><th scope="col" className="num">Escapes</th><th scope="col" className="num">Desertions</th><th scope="col">Area</th><th scope="col">Marking</th>
              </tr>
            </thead>
            <tbody>
              {[...list.data.items].reverse().slice(0, 30).map((i) => (
                <tr key={i.id}>
                  <td className="nowrap">{i.observedAt.slice(0, 16).replace('T', ' ')}</td>
                  <td className="num">{i.guardStrength ?? '–'}</td><td className="num">{i.population ?? '–'}</td><td className="num">{i.daysSinceResupply ?? '–'}</td>
                  <td className="num">{i.riots ?? '–'}</td><td className="num">{i.escapeAttempts ?? '–'}</td><td className="num">{i.guardDesertions ?? '–'}</td>
                  <td>{i.areaControl ?? '–'}</td><td><PortionMark marking={i.marking} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="indicator-form" onSubmit={submit} aria-label="Record an observation">
        {NUMBERS.map(([k, label]) => <label key={k}>{label}<input name={k} type="number" min={0} /></label>)}
        <label>
          Control of the surrounding area
          <select name="areaControl" defaultValue="">
            <option value="">not observed</option>
            {AREA_CONTROL.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>Note<input name="note" /></label>
        <label>Marking<input name="marking" defaultValue={marking} required /></label>
        <button type="submit" disabled={record.isPending}>Record the observation</button>
        {record.isError && <p className="state state-error" role="alert">{record.error.message}</p>}
        {record.isSuccess && <p className="import-result" role="status">Recorded; the risk above is recomputed.</p>}
      </form>
    </>
  );
}

import type { TAgenda } from '../../../src/coordination/coordination.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';
import { Empty } from '../common/states.js';

/** The agenda: items grouped by section, each with its portion mark and severity, in the order the server gives. */
export function AgendaList({ agenda }: { agenda: TAgenda }) {
  useShownMarkings([...agenda.items.map((i) => i.marking), ...(agenda.call ? [agenda.call.marking] : [])]);
  const sections = [...new Set(agenda.items.map((i) => i.section))];
  return (
    <div className="agenda" data-testid="agenda">
      <p className="hint">
        What changed after {agenda.since.slice(0, 16).replace('T', ' ')}Z{agenda.previousCall ? ` (the call of ${agenda.previousCall.date})` : ''} up to{' '}
        {agenda.until.slice(0, 16).replace('T', ' ')}Z.
        {agenda.omitted.length > 0 && ` Not included (your roles do not reach them): ${agenda.omitted.join(', ')}.`}
      </p>
      {agenda.items.length === 0 && <Empty>Nothing you may see changed.</Empty>}
      {sections.map((s) => (
        <section key={s} aria-label={humanize(s)}>
          <h3>{humanize(s)}</h3>
          <ul className="agenda-items">
            {agenda.items.filter((i) => i.section === s).map((i) => (
              <li key={`${i.source}-${i.at}-${i.title}`} className={`sev-${i.severity}`}>
                <PortionMark marking={i.marking} /> {i.severity !== 'info' && <strong className="sev">{i.severity}</strong>} {i.title}
                {i.detail && <span className="hint"> — {i.detail}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

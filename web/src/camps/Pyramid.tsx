import type { TCampOverview } from '../../../src/camps/cohorts.schemas.js';
import { formatCount } from '../common/format.js';
import './camps.css';

type Band = NonNullable<TCampOverview['pyramid']>[number];

/** The width of a side of the pyramid for `n`, in percent of the widest side (a non-zero count shows). */
export function sideWidth(n: number, max: number): number {
  return max <= 0 || n <= 0 ? 0 : Math.max(1, Math.round((n / max) * 100));
}

/** An age pyramid: five-year bands, oldest at the top, women left and men right; readable as a table. */
export function Pyramid({ bands, caption }: { bands: readonly Band[]; caption: string }) {
  const max = Math.max(0, ...bands.flatMap((b) => [b.female, b.male]));
  return (
    <figure className="pyramid" data-testid="pyramid">
      <figcaption>{caption}</figcaption>
      {[...bands].reverse().map((b) => (
        <div className="pyramid-row" key={b.band} role="group" aria-label={`${b.band}: ${b.female} women and girls, ${b.male} men and boys`}>
          <span className="pyramid-side female">
            <span className="pyramid-count">{formatCount(b.female)}</span>
            <span className="pyramid-bar female" style={{ width: `${sideWidth(b.female, max)}%` }} />
          </span>
          <span className="pyramid-band">{b.band}</span>
          <span className="pyramid-side male">
            <span className="pyramid-bar male" style={{ width: `${sideWidth(b.male, max)}%` }} />
            <span className="pyramid-count">{formatCount(b.male)}</span>
          </span>
        </div>
      ))}
    </figure>
  );
}

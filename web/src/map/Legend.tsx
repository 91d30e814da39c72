import type { TFacility } from '../api/schemas.js';
import { formatCount } from '../common/format.js';
import { KIND_LABELS, KIND_ORDER, markerRadius, STATUS_COLOURS, symbolPath } from './markers.js';

const STATUSES = Object.keys(STATUS_COLOURS) as TFacility['status'][];
const SIZES = [500, 5000, 35000];

function Swatch({ kind, r, fill }: { kind: TFacility['kind']; r: number; fill: string }) {
  const s = Math.ceil(r * 1.4) * 2 + 2;
  return (
    <svg width={s} height={s} viewBox={`${-s / 2} ${-s / 2} ${s} ${s}`} aria-hidden="true" className="legend-swatch">
      <path d={symbolPath(kind, r)} fill={fill} stroke="#1b1b1b" strokeWidth={1} />
    </svg>
  );
}

/** The map's key: what each shape, colour and size means. */
export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Legend</h2>
      <div className="legend-groups">
        <ul aria-label="Kinds of site">
          {KIND_ORDER.map((k) => (
            <li key={k}>
              <Swatch kind={k} r={6} fill="#ffffff" /> {KIND_LABELS[k]}
            </li>
          ))}
        </ul>
        <ul aria-label="Status colours">
          {STATUSES.map((s) => (
            <li key={s}>
              <Swatch kind="prison" r={6} fill={STATUS_COLOURS[s]} /> {s.replace(/-/g, ' ')}
            </li>
          ))}
        </ul>
        <ul aria-label="Sizes by population">
          {SIZES.map((n) => (
            <li key={n}>
              <Swatch kind="prison" r={markerRadius(n)} fill="#dee2e6" /> {formatCount(n)} people
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

import { geoPath } from 'd3-geo';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TFacility } from '../api/schemas.js';
import { formatCount } from '../common/format.js';
import { useCountries } from './atlas.js';
import {
  boxAround, boxesMeet, COUNTRY_LABELS, MAP_HEIGHT, MAP_WIDTH, OPERATION_COUNTRIES, placeLabels, projectionFor, VIEWS, type ViewName,
} from './geometry.js';
import { markerLabel, markerRadius, STATUS_COLOURS, symbolPath } from './markers.js';

/**
 * The common operating picture's map: country outlines from an offline package, and one marker per site the
 * user may see — shaped by kind, sized by population, coloured by status. A marker is a link to its site;
 * keyboard users tab through them in order of size.
 */
export function RegionMap({ facilities }: { facilities: readonly TFacility[] }) {
  const [view, setView] = useState<ViewName>('region');
  const countries = useCountries();
  const navigate = useNavigate();
  const box = useMemo(() => (view === 'region' ? boxAround(VIEWS.region.box, facilities) : VIEWS[view].box), [view, facilities]);
  const projection = useMemo(() => projectionFor(box), [box]);
  const path = useMemo(() => geoPath(projection), [projection]);

  // Largest first, so small markers are drawn on top and stay clickable.
  const markers = useMemo(() => {
    return facilities
      .map((f) => {
        const [x, y] = projection([f.lon, f.lat]) ?? [Number.NaN, Number.NaN];
        return { f, x, y, r: markerRadius(f.population) };
      })
      .filter((m) => m.x >= -m.r && m.x <= MAP_WIDTH + m.r && m.y >= -m.r && m.y <= MAP_HEIGHT + m.r)
      .sort((a, b) => b.r - a.r || a.f.code.localeCompare(b.f.code));
  }, [facilities, projection]);
  const labels = useMemo(() => {
    return placeLabels(markers.map((m) => ({ key: m.f.code, x: m.x + m.r * 0.8 + 3, y: m.y + 4, text: m.f.code })));
  }, [markers]);

  const shown = countries.data?.filter((c) => boxesMeet(c.bounds, [[box[0][0] - 3, box[0][1] - 3], [box[1][0] + 3, box[1][1] + 3]])) ?? [];

  return (
    <figure className="region-map" aria-labelledby="map-caption">
      <div className="map-views" role="group" aria-label="Map extent">
        {(Object.keys(VIEWS) as ViewName[]).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {VIEWS[v].label}
          </button>
        ))}
      </div>
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} className="map-svg" role="group" aria-label="Map of the sites">
        <rect className="map-sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
        <g className="map-countries" aria-hidden="true">
          {shown.map((c) => (
            <path key={c.id} d={path(c.feature) ?? ''} className={OPERATION_COUNTRIES.has(c.id) ? 'country country-operation' : 'country'} />
          ))}
          {countries.isSuccess &&
            COUNTRY_LABELS.map((l) => {
              const p = projection(l.at);
              return p && p[0] > 0 && p[0] < MAP_WIDTH && p[1] > 0 && p[1] < MAP_HEIGHT ? (
                <text key={l.id} x={p[0]} y={p[1]} className="country-label">
                  {l.name}
                </text>
              ) : null;
            })}
        </g>
        <g className="map-sites">
          {markers.map(({ f, x, y, r }) => (
            <a key={f.code} href={`/facilities/${encodeURIComponent(f.code)}`} className="site-marker" data-code={f.code}
              aria-label={markerLabel(f, formatCount)}
              onClick={(e) => {
                e.preventDefault();
                void navigate(`/facilities/${encodeURIComponent(f.code)}`);
              }}>
              <title>{markerLabel(f, formatCount)}</title>
              <path transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`} d={symbolPath(f.kind, r)} fill={STATUS_COLOURS[f.status]} className="site-symbol" />
            </a>
          ))}
        </g>
        <g className="map-labels" aria-hidden="true">
          {labels.map((l) => (
            <text key={l.key} x={l.x} y={l.y} className="site-label">
              {l.text}
            </text>
          ))}
        </g>
      </svg>
      <figcaption id="map-caption" className="map-caption">
        {countries.isError ? 'Country outlines could not be loaded; sites are shown on a blank background. ' : ''}
        Sites you may see, sized by population and coloured by status. Boundaries: Natural Earth 1:50m.
      </figcaption>
    </figure>
  );
}

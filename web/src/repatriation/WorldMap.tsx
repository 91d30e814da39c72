import { geoArea, geoCentroid, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, Geometry, Polygon } from 'geojson';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { TWorldMap } from '../../../src/repatriation/repatriation.schemas.js';
import { countryName, formatCount, humanize } from '../common/format.js';
import { useCountries } from '../map/atlas.js';
import { ISO_NUMERIC } from './iso-numeric.js';
import { circleRadius, progressOf, STATUS_COLOURS } from './status.js';
import './repatriation.css';

const W = 960;
const H = 500;

/** Where a country's circle goes: the centre of its largest landmass (France's is in Europe, not the Atlantic). */
function anchorOf(f: Feature<Geometry>): [number, number] {
  if (f.geometry.type !== 'MultiPolygon') return geoCentroid(f);
  const polys = (f.geometry).coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
  const largest = polys.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  return geoCentroid(largest);
}

/**
 * The world map of nationals held and repatriated: each country of origin shaded by where talks stand, with a
 * circle sized by its nationals the user may see and, inside it, a darker circle for the share repatriated.
 * Outlines come from the offline atlas the operation map uses. A circle is a link to the country's board.
 */
export function WorldMap({ data }: { data: TWorldMap }) {
  const countries = useCountries();
  const navigate = useNavigate();
  const projection = useMemo(() => geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const byNumeric = useMemo(() => new Map(data.countries.map((c) => [ISO_NUMERIC[c.country] ?? '', c])), [data]);
  const circles = useMemo(() => {
    const features = new Map((countries.data ?? []).map((c) => [c.id, c.feature]));
    return data.countries
      .map((c) => {
        const f = features.get(ISO_NUMERIC[c.country] ?? '');
        const p = f ? projection(anchorOf(f)) : null;
        return p ? { c, x: p[0], y: p[1], r: circleRadius(c.held + c.repatriated) } : null;
      })
      .filter((m): m is NonNullable<typeof m> => m !== null && m.r > 0)
      .sort((a, b) => b.r - a.r);
  }, [countries.data, data, projection]);

  return (
    <figure className="world-map" aria-labelledby="world-caption">
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label="World map of nationals held and repatriated" data-testid="world-map">
        <path d={path({ type: 'Sphere' }) ?? ''} className="world-sea" />
        <g aria-hidden="true">
          {countries.data?.map((c) => {
            const origin = byNumeric.get(c.id);
            return <path key={c.id} d={path(c.feature) ?? ''} className="world-country" style={origin ? { fill: STATUS_COLOURS[origin.status] } : undefined} />;
          })}
        </g>
        <g>
          {circles.map(({ c, x, y, r }) => {
            const label = `${countryName(c.country)}: ${humanize(c.status)}, ${formatCount(c.held)} held, ${formatCount(c.repatriated)} repatriated`;
            const inner = r * Math.sqrt(progressOf(c.held, c.repatriated));
            return (
              <a key={c.country} href={`/repatriation/${c.country}`} aria-label={label} data-country={c.country} className="world-marker"
                onClick={(e) => { e.preventDefault(); void navigate(`/repatriation/${c.country}`); }}>
                <title>{label}</title>
                <circle cx={x} cy={y} r={r} className="world-held" />
                {inner > 0 && <circle cx={x} cy={y} r={inner} className="world-repatriated" />}
              </a>
            );
          })}
        </g>
      </svg>
      <figcaption id="world-caption" className="map-caption">
        {countries.isError ? 'Country outlines could not be loaded. ' : ''}
        Countries of origin shaded by the status of talks; circles sized by the nationals you may see (detainees held,
        camp residents present and those repatriated), the dark inner circle the share repatriated. Boundaries: Natural Earth 1:50m.
      </figcaption>
      <ul className="world-legend" aria-label="Status colours">
        {Object.entries(STATUS_COLOURS).map(([s, colour]) => (
          <li key={s}><span className="swatch" style={{ background: colour }} aria-hidden="true" /> {humanize(s)}</li>
        ))}
      </ul>
    </figure>
  );
}

import { useQuery } from '@tanstack/react-query';
import { geoBounds } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:50m country boundaries from the world-atlas package, shipped as a static asset of the build:
// the map needs no network beyond this server.
import atlasUrl from 'world-atlas/countries-50m.json?url';
import type { Box } from './geometry.js';

/** A country outline with its ISO numeric id and lon/lat bounds. */
export interface Country {
  id: string;
  feature: Feature<Geometry>;
  bounds: Box;
}

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

function isCountriesTopology(x: unknown): x is Countries {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as { type?: unknown; objects?: { countries?: unknown } };
  return t.type === 'Topology' && typeof t.objects?.countries === 'object';
}

async function loadCountries(signal: AbortSignal): Promise<Country[]> {
  const res = await fetch(atlasUrl, { signal });
  if (!res.ok) throw new Error(`country boundaries: ${res.status} ${res.statusText}`);
  const topo: unknown = await res.json();
  if (!isCountriesTopology(topo)) throw new Error('country boundaries: not a world-atlas topology');
  const fc = feature(topo, topo.objects.countries);
  return fc.features.map((f, i) => ({ id: String(f.id ?? `x${i}`), feature: f, bounds: geoBounds(f) }));
}

/** The world's country outlines, loaded once per session and kept. */
export function useCountries() {
  return useQuery({ queryKey: ['atlas', 'countries-50m'], queryFn: ({ signal }) => loadCountries(signal), staleTime: Infinity, gcTime: Infinity });
}

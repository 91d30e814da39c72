import { useMemo } from 'react';
import { useFacilities, useStatusCounts } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { Legend } from './Legend.js';
import { RegionMap } from './RegionMap.js';
import { computeTotals } from './totals.js';
import { TotalsPanel } from './TotalsPanel.js';

const STATUSES = ['held', 'in-transit', 'transferred'] as const;

/** The home page: the common operating picture — every site the user may see on a map, and the totals. */
export function MapPage() {
  useTitle('Operating picture');
  const facilities = useFacilities();
  const { counts, markings } = useStatusCounts(STATUSES);
  const [held, inTransit, transferred] = counts;
  const items = useMemo(() => facilities.data ?? [], [facilities.data]);
  // The banner covers the sites and every detainee record behind the figures shown beside them.
  useShownMarkings([...items.flatMap((f) => [f.marking, f.heldMarking]), ...markings]);
  const totals = useMemo(() => computeTotals(items, { held, inTransit, transferred }), [items, held, inTransit, transferred]);

  return (
    <div className="page map-page">
      <h1>Common operating picture</h1>
      {facilities.isPending ? (
        <Loading what="sites" />
      ) : facilities.isError ? (
        <ErrorState error={facilities.error} what="sites" retry={() => void facilities.refetch()} />
      ) : (
        <div className="cop">
          <div className="cop-map">
            {items.length === 0 && <p className="state state-empty">There are no sites you may see.</p>}
            <RegionMap facilities={items} />
            <Legend />
          </div>
          <TotalsPanel totals={totals} />
        </div>
      )}
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { TDetainee } from '../api/schemas.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';

const ROW_HEIGHT = 40;
// Ask for the rows this far beyond those in view, so scrolling seldom waits for a page.
const PREFETCH_ROWS = 100;

interface Props {
  /** Rows that match: the table is this long from the start. */
  total: number;
  /** Row `i` when its page has arrived. */
  rowAt: (i: number) => TDetainee | undefined;
  /** Asks for the rows `first` to `last`. */
  need: (first: number, last: number) => void;
}

const COLUMNS = ['ISN', 'Name', 'Name (Arabic)', 'Nationality', 'Facility', 'Status', 'Risk', 'Marking'];

/**
 * The detainee list, virtualised: only the rows in view (and a few around) are in the DOM, so 100,000 rows
 * scroll as smoothly as 100. The table is as long as the total; the pages holding the rows in view (and the
 * next few) are fetched as they come near, so a reader may drag straight to any row.
 * Marked up as an ARIA table whose row count is the full total.
 */
export function DetaineeTable({ total, rowAt, need }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // Scroll updates render with the next frame rather than synchronously inside the scroll event.
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12, useFlushSync: false });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    need(Math.max(0, firstIndex - PREFETCH_ROWS), Math.min(total - 1, lastIndex + PREFETCH_ROWS));
  }, [need, firstIndex, lastIndex, total]);

  return (
    <div className="vtable" role="table" aria-label="Detainees" aria-rowcount={total + 1} data-testid="detainee-table">
      <div role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vrow">
          {COLUMNS.map((c) => (
            <span key={c} role="columnheader" className="vcell">
              {c}
            </span>
          ))}
        </div>
      </div>
      <div ref={scroller} className="vtable-body" role="rowgroup" tabIndex={0} aria-label="Detainee rows; scroll to load more">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const d = rowAt(v.index);
            return (
              <div key={v.key} role="row" aria-rowindex={v.index + 2} className={d ? 'vrow' : 'vrow vrow-loading'} data-isn={d?.isn}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: v.size, transform: `translateY(${v.start}px)` }}>
                {d ? <Cells d={d} /> : <span role="cell" className="vcell">Loading…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Cells({ d }: { d: TDetainee }) {
  const to = `/detainees/${encodeURIComponent(d.isn)}`;
  return (
    <>
      <span role="cell" className="vcell mono">
        <Link to={to}>{d.isn}</Link>
      </span>
      <span role="cell" className="vcell">
        <Link to={to} tabIndex={-1}>{d.nameLatin}</Link>
      </span>
      <span role="cell" className="vcell arabic" lang="ar" dir="rtl">
        {d.nameAr}
      </span>
      <span role="cell" className="vcell">{d.nationality}</span>
      <span role="cell" className="vcell">{d.facility ?? '—'}</span>
      <span role="cell" className="vcell">{humanize(d.status)}</span>
      <span role="cell" className="vcell">{d.riskTier}</span>
      <span role="cell" className="vcell small">
        <PortionMark marking={d.marking} />
      </span>
    </>
  );
}

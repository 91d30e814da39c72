import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from './PortionMark.js';
import { Empty, ErrorState, Loading } from './states.js';

/** One column of a marked table: its header and the cell of a record (`num` aligns numbers right). */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  num?: boolean;
  nowrap?: boolean;
}

/** A select that filters a list; `null` is the "all" choice. */
export function FilterSelect<V extends string>({ label, value, options, onChange }: { label: string; value: V | null; options: readonly V[]; onChange: (v: V | null) => void }) {
  return (
    <label className="filter">
      {label}{' '}
      <select value={value ?? 'all'} onChange={(e) => onChange(e.currentTarget.value === 'all' ? null : (e.currentTarget.value as V))}>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
        <option value="all">all</option>
      </select>
    </label>
  );
}

interface MarkedTableProps<T> {
  /** What the records are, for the loading and error states ("alerts"). */
  what: string;
  query: UseQueryResult<{ items: T[] }>;
  /** The first column: a header cell (`<th scope="row">`) naming the record. */
  head: Column<T>;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Data attributes of a row (tests and styles find rows by them). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  marking: (row: T) => string;
  empty: string;
  testId: string;
}

/**
 * A list page's table of marked records: loading, error (with retry) and empty states, the records' markings
 * declared to the banner, one row per record with its portion mark in the last column.
 */
export function MarkedTable<T>({ what, query, head, columns, rowKey, rowData, marking, empty, testId }: MarkedTableProps<T>) {
  useShownMarkings(query.data ? query.data.items.map(marking) : []);
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorState error={query.error} what={what} retry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty>{empty}</Empty>;
  const cls = (c: Column<T>) => [c.num ? 'num' : '', c.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {[head, ...columns].map((c) => <th key={c.header} scope="col" className={cls(c)}>{c.header}</th>)}
            <th scope="col">Marking</th>
          </tr>
        </thead>
        <tbody>
          {query.data.items.map((row) => (
            <tr key={rowKey(row)} {...rowData?.(row)}>
              <th scope="row">{head.cell(row)}</th>
              {columns.map((c) => <td key={c.header} className={cls(c)}>{c.cell(row)}</td>)}
              <td><PortionMark marking={marking(row)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { DETAINEE_STATUSES, RISK_TIERS } from '../api/schemas.js';
import { useFacilities } from '../api/queries.js';
import { countryOptions, humanize } from '../common/format.js';
import { hasFilters, type DetaineeFilters } from './filters.js';

const COUNTRIES = countryOptions();
const SEARCH_DELAY_MS = 350;

/**
 * The detainee list's filters. Choices apply at once; the search box applies after a pause in typing, or on
 * Enter. The current filters live in the URL, so a filtered list can be bookmarked and shared.
 */
export function DetaineeFilterForm({ filters, onChange }: { filters: DetaineeFilters; onChange: (f: DetaineeFilters) => void }) {
  const facilities = useFacilities();
  const [search, setSearch] = useState(filters.search ?? '');
  // The URL changed under the box (Clear filters, Back): show what the list is now filtered by.
  const [applied, setApplied] = useState(filters.search);
  if (applied !== filters.search) {
    setApplied(filters.search);
    setSearch(filters.search ?? '');
  }
  useEffect(() => {
    if (search.trim() === (filters.search ?? '')) return;
    const t = setTimeout(() => onChange({ ...filters, search: search.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [search, filters, onChange]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...filters, search: search.trim() || undefined });
  };
  const set = (key: keyof DetaineeFilters) => (value: string) => onChange({ ...filters, [key]: value || undefined });
  const facilityCodes = (facilities.data ?? []).filter((f) => f.kind !== 'camp').map((f) => ({ code: f.code, name: f.name }));
  if (filters.facility && !facilityCodes.some((f) => f.code === filters.facility)) facilityCodes.push({ code: filters.facility, name: filters.facility });

  return (
    <form className="filters" role="search" aria-label="Filter detainees" onSubmit={submit}>
      <div className="field field-search">
        <label htmlFor="f-search">Search</label>
        <input id="f-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="ISN, or name in Latin or Arabic script"
          aria-describedby="f-search-hint" autoComplete="off" spellCheck={false} />
        <span id="f-search-hint" className="sr-only">Results update as you type.</span>
      </div>
      <Select id="f-facility" label="Facility" value={filters.facility} onChange={set('facility')}
        options={facilityCodes.map((f) => ({ value: f.code, label: `${f.code} — ${f.name}` }))} />
      <Select id="f-nationality" label="Nationality" value={filters.nationality} onChange={set('nationality')}
        options={COUNTRIES.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))} />
      <Select id="f-risk" label="Risk tier" value={filters.riskTier} onChange={set('riskTier')} options={RISK_TIERS.map((t) => ({ value: t, label: t }))} />
      <Select id="f-status" label="Status" value={filters.status} onChange={set('status')}
        options={DETAINEE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} />
      <button type="button" className="secondary" onClick={() => onChange({})} disabled={!hasFilters(filters)}>
        Clear filters
      </button>
    </form>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}

function Select({ id, label, value, options, onChange }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { ACLED_EVENT_TYPES, EVENT_TYPES, type TConflictEventInput, type TEventType } from '../../../src/warning/warning.schemas.js';
import { useRecordEvent } from './api.js';

/** One conflict event entered by hand, with ACLED's types and sub-types to choose from. */
export function EventForm() {
  const [type, setType] = useState<TEventType>('Battles');
  const record = useRecordEvent();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === 'string' ? v.trim() : '';
    };
    const body: TConflictEventInput = {
      eventDate: text('eventDate'), eventType: type, subEventType: text('subEventType'), actor1: text('actor1'), country: text('country'),
      location: text('location'), latitude: Number(text('latitude')), longitude: Number(text('longitude')), fatalities: Number(text('fatalities') || '0'),
      marking: text('marking'), ...(text('actor2') ? { actor2: text('actor2') } : {}), ...(text('notes') ? { notes: text('notes') } : {}),
    };
    record.mutate(body);
  };
  return (
    <details className="event-form">
      <summary>Record an event by hand</summary>
      <form className="indicator-form" onSubmit={submit} aria-label="Record a conflict event">
        <label>Date<input name="eventDate" type="date" required /></label>
        <label>
          Event type
          <select value={type} onChange={(e) => setType(e.currentTarget.value as TEventType)}>
            {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label>
          Sub-event type
          <select name="subEventType">{ACLED_EVENT_TYPES[type].map((s) => <option key={s} value={s}>{s}</option>)}</select>
        </label>
        <label>Actor 1<input name="actor1" required /></label>
        <label>Actor 2<input name="actor2" /></label>
        <label>Country<input name="country" defaultValue="Syria" required /></label>
        <label>Location<input name="location" required /></label>
        <label>Latitude<input name="latitude" type="number" step="any" min={-90} max={90} required /></label>
        <label>Longitude<input name="longitude" type="number" step="any" min={-180} max={180} required /></label>
        <label>Fatalities<input name="fatalities" type="number" min={0} defaultValue={0} /></label>
        <label>Notes<input name="notes" /></label>
        <label>Marking<input name="marking" defaultValue="U" required /></label>
        <button type="submit" disabled={record.isPending}>Record the event</button>
        {record.isError && <p className="state state-error" role="alert">{record.error.message}</p>}
        {record.isSuccess && <p className="import-result" role="status">Recorded {record.data.subEventType} at {record.data.location}.</p>}
      </form>
    </details>
  );
}

import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { useEndGuardianship } from './api.js';
import './camps.css';

/** "End" beside an active guardianship: a reason and the last day, recorded and audited by the server. */
export function EndGuardianship({ id, guardian }: { id: string; guardian: string }) {
  const [open, setOpen] = useState(false);
  const end = useEndGuardianship();
  if (!open) return <button type="button" className="secondary" onClick={() => setOpen(true)} aria-label={`End the guardianship of ${guardian}`}>End…</button>;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === 'string' ? v.trim() : '';
    };
    const reason = text('reason');
    const on = text('on');
    end.mutate({ id, body: { reason, ...(on ? { on } : {}) } }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`End the guardianship of ${guardian}`}>
      <label>Reason<input name="reason" required minLength={3} maxLength={500} /></label>
      <label>Last day<input name="on" type="date" /></label>
      <button type="submit" disabled={end.isPending}>End guardianship</button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>Cancel</button>
      {end.isError && <span className="form-error" role="alert">{end.error instanceof ApiError ? end.error.message : 'not recorded'}</span>}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useImportEvents } from './api.js';

/** Upload of an ACLED-layout CSV: all or nothing, with a progress indicator while the server checks every row. */
export function ImportEvents() {
  const [file, setFile] = useState<File | null>(null);
  const [marking, setMarking] = useState('U');
  const upload = useImportEvents();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (file) upload.mutate({ file, marking });
  };
  return (
    <form className="import-form" onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title" className="sr-only">Import conflict events</h2>
      <label>
        Conflict events (ACLED CSV)
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </label>
      <label>
        Marking of the rows
        <input value={marking} onChange={(e) => setMarking(e.currentTarget.value)} size={24} />
      </label>
      <button type="submit" disabled={!file || upload.isPending}>Import events</button>
      {upload.isPending && (
        <span className="state state-loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Checking and importing…
        </span>
      )}
      {upload.isError && <p className="state state-error" role="alert">Import refused: {upload.error.message}</p>}
      {upload.data && (
        <p className="import-result" role="status" data-testid="import-result">
          Imported {upload.data.imported} events ({upload.data.firstDate} to {upload.data.lastDate}); {upload.data.alertsRaised} alert(s) raised.
        </p>
      )}
    </form>
  );
}

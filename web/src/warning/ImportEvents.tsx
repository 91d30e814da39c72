import { useState, type FormEvent } from 'react';
import { useImportEvents, type UploadProgress } from './api.js';

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** Where an upload is: a bar while the file goes up, then a spinner while the server checks and stores every row. */
export function UploadState({ progress }: { progress: UploadProgress | null }) {
  if (progress && progress.sent < progress.total) {
    return (
      <span className="state state-loading" role="status" aria-live="polite">
        <progress value={progress.sent} max={progress.total} aria-label="Upload" /> Sending {mib(progress.sent)} of {mib(progress.total)} MiB…
      </span>
    );
  }
  return (
    <span className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Checking and importing…
    </span>
  );
}

/**
 * Upload of an ACLED-layout CSV of any size (streamed from disk by the browser): all or nothing, with the
 * upload's progress and then a progress indicator while the server checks every row.
 */
export function ImportEvents() {
  const [file, setFile] = useState<File | null>(null);
  const [marking, setMarking] = useState('U');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const upload = useImportEvents(setProgress);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProgress(null);
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
      {upload.isPending && <UploadState progress={progress} />}
      {upload.isError && <p className="state state-error" role="alert">Import refused: {upload.error.message}</p>}
      {upload.data && (
        <p className="import-result" role="status" data-testid="import-result">
          Imported {upload.data.imported} events ({upload.data.firstDate} to {upload.data.lastDate}); {upload.data.alertsRaised} alert(s) raised.
        </p>
      )}
    </form>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, isNotFound } from '../api/client.js';

/** A wait for data: announced politely to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

/** Nothing to show, with a hint of why. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** The page for an unknown address, or a record that does not exist or that the user may not see. */
export function NotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Not found</h1>
      <p>There is nothing at this address. Check the link, or start again from the <Link to="/">map</Link>.</p>
    </section>
  );
}

/**
 * A failed load: "Not found" for a 404 (an unseen record reads exactly like a missing one), otherwise the
 * server's message and a retry button.
 */
export function ErrorState({ error, what, retry }: { error: unknown; what: string; retry?: () => void }) {
  if (isNotFound(error)) return <NotFound />;
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" role="alert">
      <p>
        Could not load {what}: {message}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

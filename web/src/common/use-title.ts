import { useEffect } from 'react';

/** Sets the document title (`Facilities · Sallyport`), which screen readers announce on navigation. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Sallyport` : 'Sallyport';
  }, [title]);
}

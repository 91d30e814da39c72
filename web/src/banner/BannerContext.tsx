import { createContext, useCallback, useContext, useId, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { bannerFor, type BannerView } from './banner.js';

/*
 * Pages declare the markings of the records they show (`useShownMarkings`); the shell's banners combine
 * every declaration currently mounted. A record that leaves the screen takes its marking with it.
 */

interface Registry {
  set(id: string, markings: string): void;
  remove(id: string): void;
}

const RegistryContext = createContext<Registry | null>(null);
const BannerContext = createContext<BannerView>(bannerFor([]));

// Markings never contain a newline: a list of them travels as one string, so effects compare by value.
const SEP = '\n';

export function BannerProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<ReadonlyMap<string, string>>(new Map());
  const set = useCallback((id: string, markings: string) => {
    setShown((m) => (m.get(id) === markings ? m : new Map(m).set(id, markings)));
  }, []);
  const remove = useCallback((id: string) => {
    setShown((m) => {
      if (!m.has(id)) return m;
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }, []);
  const registry = useMemo(() => ({ set, remove }), [set, remove]);
  const view = useMemo(() => {
    const all = [...shown.values()].flatMap((s) => (s === '' ? [] : s.split(SEP)));
    return bannerFor(all);
  }, [shown]);
  return (
    <RegistryContext.Provider value={registry}>
      <BannerContext.Provider value={view}>{children}</BannerContext.Provider>
    </RegistryContext.Provider>
  );
}

/** Declares that the calling component shows records with these markings (portion-mark texts). */
export function useShownMarkings(markings: readonly string[]): void {
  const registry = useContext(RegistryContext);
  const id = useId();
  const key = [...new Set(markings)].sort().join(SEP);
  // A layout effect: the banner is right before the records are painted, never a frame late.
  useLayoutEffect(() => {
    registry?.set(id, key);
  }, [registry, id, key]);
  useLayoutEffect(() => () => registry?.remove(id), [registry, id]);
}

/** The banner of what the page currently shows. */
export function useBanner(): BannerView {
  return useContext(BannerContext);
}

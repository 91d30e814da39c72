import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import type { TMe } from '../api/schemas.js';
import { ClassificationBanner } from '../banner/ClassificationBanner.js';
import { PAGES } from '../pages.js';
import { UserBox } from './UserBox.js';

/**
 * The order of the top navigation, by path: the operation first (where people are, what is at risk, the
 * airlift), then custody and identity, the camps and returns, accountability, and the coordination desk.
 * Pages not listed follow in the order of PAGES.
 */
const NAV_ORDER = [
  '/', '/warning', '/warning/alerts', '/facilities', '/detainees', '/airlift',
  '/custody/handovers', '/custody/log', '/identity', '/identity/queue', '/identity/enrol',
  '/camps', '/repatriation', '/cases', '/declass', '/agreements', '/coordination', '/outcomes',
];

function navRank(path: string): number {
  const i = NAV_ORDER.indexOf(path);
  return i === -1 ? NAV_ORDER.length : i;
}

const NAV = PAGES.filter((p) => p.label)
  .map((p, i) => ({ p, i }))
  .sort((a, b) => navRank(a.p.path) - navRank(b.p.path) || a.i - b.i)
  .map(({ p }) => p);

/**
 * The frame of every signed-in page: classification banners top and bottom, a skip link, the header with
 * the navigation and the user, and the page in `<main>`. Focus moves to the page on navigation, so a
 * screen reader starts reading the new page rather than the header.
 */
export function Shell({ me }: { me: TMe }) {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app">
      <ClassificationBanner position="top" />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Sallyport</span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((p) => (
              <li key={p.path}>
                <NavLink to={p.path} end={p.end ?? false}>
                  {p.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <UserBox me={me} />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <ClassificationBanner position="bottom" />
    </div>
  );
}

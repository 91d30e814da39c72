import { createBrowserRouter, Outlet } from 'react-router';
import { LoginPage } from '../auth/LoginPage.js';
import { ScanPage } from '../airlift/ScanPage.js';
import { ClassificationBanner } from '../banner/ClassificationBanner.js';
import { NotFound } from '../common/states.js';
import { PAGES } from '../pages.js';
import { RequireSession } from './RequireSession.js';

function Bare() {
  return (
    <div className="app app-bare">
      <ClassificationBanner position="top" />
      <Outlet />
      <ClassificationBanner position="bottom" />
    </div>
  );
}

/** The routes: the login page outside the shell; every registered page, and the 404, inside it. */
export function createRouter() {
  return createBrowserRouter([
    { element: <Bare />, children: [{ path: '/login', element: <LoginPage /> }, { path: '/airlift/scan', element: <ScanPage /> }] },
    {
      element: <RequireSession />,
      children: [...PAGES.map((p) => ({ path: p.path, element: p.element })), { path: '*', element: <NotFound /> }],
    },
  ]);
}

import type { ReactNode } from 'react';
import { CampPage } from './camps/CampPage.js';
import { CampsPage } from './camps/CampsPage.js';
import { CohortsPage } from './camps/CohortsPage.js';
import { HouseholdPage } from './camps/HouseholdPage.js';
import { ReleasePage } from './camps/ReleasePage.js';
import { ResidentPage } from './camps/ResidentPage.js';
import { MapPage } from './map/MapPage.js';
import { DetaineePage } from './registry/DetaineePage.js';
import { DetaineesPage } from './registry/DetaineesPage.js';
import { FacilitiesPage } from './registry/FacilitiesPage.js';
import { FacilityPage } from './registry/FacilityPage.js';
import { CandidatePage } from './identity/CandidatePage.js';
import { EnrollPage } from './identity/EnrollPage.js';
import { IdentityPage } from './identity/IdentityPage.js';
import { QueuePage } from './identity/QueuePage.js';

/**
 * Every page of the signed-in app. To add one, write its component in its module's folder (web/src/<module>/)
 * and add an entry here: `path` is a react-router path (`/plans/:id`), `label` puts it in the top navigation
 * (leave it out for detail pages), and `end` makes the nav link active only on the exact path. The shell
 * (header, navigation, banners, 404) wraps every entry.
 */
export interface PageDef {
  path: string;
  element: ReactNode;
  label?: string;
  end?: boolean;
}

export const PAGES: readonly PageDef[] = [
  { path: '/', label: 'Map', element: <MapPage />, end: true },
  { path: '/facilities', label: 'Facilities', element: <FacilitiesPage /> },
  { path: '/facilities/:id', element: <FacilityPage /> },
  { path: '/detainees', label: 'Detainees', element: <DetaineesPage /> },
  { path: '/detainees/:id', element: <DetaineePage /> },
  { path: '/camps', label: 'Camps', element: <CampsPage /> },
  { path: '/camps/households/:id', element: <HouseholdPage /> },
  { path: '/camps/residents/:id', element: <ResidentPage /> },
  { path: '/camps/:code', element: <CampPage /> },
  { path: '/camps/:code/cohorts', element: <CohortsPage /> },
  { path: '/camps/:code/release', element: <ReleasePage /> },
  { path: '/identity', label: 'Identity', element: <QueuePage />, end: true },
  { path: '/identity/enroll', element: <EnrollPage /> },
  { path: '/identity/candidates/:id', element: <CandidatePage /> },
  { path: '/identity/detainees/:id', element: <IdentityPage /> },
];

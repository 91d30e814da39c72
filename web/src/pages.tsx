import type { ReactNode } from 'react';
import { CampPage } from './camps/CampPage.js';
import { CampsPage } from './camps/CampsPage.js';
import { CohortsPage } from './camps/CohortsPage.js';
import { CallPage } from './coordination/CallPage.js';
import { CoordinationPage } from './coordination/CoordinationPage.js';
import { OutcomesPage } from './coordination/OutcomesPage.js';
import { SitrepPage } from './coordination/SitrepPage.js';
import { HouseholdPage } from './camps/HouseholdPage.js';
import { ReleasePage } from './camps/ReleasePage.js';
import { ResidentPage } from './camps/ResidentPage.js';
import { ReviewsPage } from './camps/ReviewsPage.js';
import { HandoversPage } from './custody/HandoversPage.js';
import { LogPage } from './custody/LogPage.js';
import { TimelinePage } from './custody/TimelinePage.js';
import { CasePage } from './cases/CasePage.js';
import { CasesPage } from './cases/CasesPage.js';
import { QueuePage } from './cases/QueuePage.js';
import { MapPage } from './map/MapPage.js';
import { BoardPage } from './airlift/BoardPage.js';
import { PlanPage } from './airlift/PlanPage.js';
import { PlansPage } from './airlift/PlansPage.js';
import { SortiePage } from './airlift/SortiePage.js';
import { DetaineePage } from './registry/DetaineePage.js';
import { DetaineesPage } from './registry/DetaineesPage.js';
import { FacilitiesPage } from './registry/FacilitiesPage.js';
import { FacilityPage } from './registry/FacilityPage.js';
import { AlertsPage } from './warning/AlertsPage.js';
import { RiskBoardPage } from './warning/RiskBoardPage.js';
import { SiteRiskPage } from './warning/SiteRiskPage.js';
import { AgreementPage } from './agreements/AgreementPage.js';
import { AgreementsPage } from './agreements/AgreementsPage.js';
import { NewAgreementPage } from './agreements/NewAgreementPage.js';
import { CountryPage } from './repatriation/CountryPage.js';
import { RepatriationPage } from './repatriation/RepatriationPage.js';
import { CandidatePage } from './identity/CandidatePage.js';
import { EnrollPage } from './identity/EnrollPage.js';
import { IdentityPage } from './identity/IdentityPage.js';
import { QueuePage as IdentityQueuePage } from './identity/QueuePage.js';

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
  { path: '/coordination', label: 'Coordination', element: <CoordinationPage />, end: true },
  { path: '/coordination/calls/:id', element: <CallPage /> },
  { path: '/coordination/sitrep', element: <SitrepPage /> },
  { path: '/outcomes', label: 'Outcomes', element: <OutcomesPage /> },
  { path: '/warning', label: 'Risk', element: <RiskBoardPage />, end: true },
  { path: '/warning/sites/:code', element: <SiteRiskPage /> },
  { path: '/warning/alerts', label: 'Alerts', element: <AlertsPage /> },
  { path: '/agreements', label: 'Agreements', element: <AgreementsPage />, end: true },
  { path: '/agreements/new', element: <NewAgreementPage /> },
  { path: '/agreements/:code', element: <AgreementPage /> },
  { path: '/custody/handovers', label: 'Handovers', element: <HandoversPage /> },
  { path: '/custody/log', label: 'Custody log', element: <LogPage /> },
  { path: '/custody/detainees/:isn', element: <TimelinePage /> },
  { path: '/camps/reviews', element: <ReviewsPage /> },
  { path: '/repatriation', label: 'Repatriation', element: <RepatriationPage /> },
  { path: '/repatriation/:country', element: <CountryPage /> },
  { path: '/cases', label: 'Cases', element: <CasesPage /> },
  { path: '/cases/:ref', element: <CasePage /> },
  { path: '/declass', label: 'Declassification', element: <QueuePage /> },
  { path: '/airlift', label: 'Airlift', element: <PlansPage />, end: true },
  { path: '/airlift/plans/:id', element: <PlanPage /> },
  { path: '/airlift/plans/:id/board', element: <BoardPage /> },
  { path: '/airlift/sorties/:id', element: <SortiePage /> },
  { path: '/identity', label: 'Identity', element: <IdentityQueuePage />, end: true },
  { path: '/identity/enroll', element: <EnrollPage /> },
  { path: '/identity/candidates/:id', element: <CandidatePage /> },
  { path: '/identity/detainees/:id', element: <IdentityPage /> },
];

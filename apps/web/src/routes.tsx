import type { RouteObject } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { RequirePermission } from './auth/require-permission';
import { AppLayout } from './components/app-layout';
import { AreasPage } from './pages/areas/areas-page';
import { AcceptInvitationPage } from './pages/accept-invitation/accept-invitation-page';
import { CountrySettingsPage } from './pages/countries/country-settings-page';
import { AssessmentPage } from './pages/assessments/assessment-page';
import { NewAssessmentPage } from './pages/assessments/new-assessment-page';
import { DrillsPage } from './pages/drills/drills-page';
import { DueDrillsPage } from './pages/drills/due-drills-page';
import { EventPage } from './pages/events/event-page';
import { EventsPage } from './pages/events/events-page';
import { FeedsPage } from './pages/feeds/feeds-page';
import { AlertRulesPage } from './pages/alert-rules/alert-rules-page';
import { OutboxPage } from './pages/outbox/outbox-page';
import { HomePage } from './pages/home/home-page';
import { ImportDetailPage } from './pages/imports/import-detail-page';
import { ImportPage } from './pages/imports/import-page';
import { ImportsPage } from './pages/imports/imports-page';
import { LoginPage } from './pages/login/login-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { PlanPage } from './pages/plans/plan-page';
import { PlansPage } from './pages/plans/plans-page';
import { ProfilePage } from './pages/profile/profile-page';
import { ForgotPasswordPage } from './pages/password-reset/forgot-password-page';
import { ResetPasswordPage } from './pages/password-reset/reset-password-page';
import { ReadinessPage } from './pages/readiness/readiness-page';
import { ReviewsPage } from './pages/reviews/reviews-page';
import { SchoolPage } from './pages/schools/school-page';
import { SchoolsPage } from './pages/schools/schools-page';
import { TrainingPage } from './pages/training/training-page';
import { UsersPage } from './pages/users/users-page';

/** All routes; the app mounts them in a browser router, tests in a memory router. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/accept-invitation', element: <AcceptInvitationPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/profile', element: <ProfilePage /> },
          {
            path: '/users',
            element: (
              <RequirePermission permission="users.manage">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: '/schools',
            element: (
              <RequirePermission permission="registry.read">
                <SchoolsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/reviews',
            element: (
              <RequirePermission permission="registry.read">
                <ReviewsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/areas',
            element: (
              <RequirePermission permission="registry.read">
                <AreasPage />
              </RequirePermission>
            ),
          },
          {
            path: '/schools/:id',
            element: (
              <RequirePermission permission="registry.read">
                <SchoolPage />
              </RequirePermission>
            ),
          },
          {
            path: '/schools/:id/assessment/new',
            element: (
              <RequirePermission permission="safety.write">
                <NewAssessmentPage />
              </RequirePermission>
            ),
          },
          {
            path: '/assessments/:id',
            element: (
              <RequirePermission permission="safety.read">
                <AssessmentPage />
              </RequirePermission>
            ),
          },
          {
            path: '/readiness',
            element: (
              <RequirePermission permission="safety.read">
                <ReadinessPage />
              </RequirePermission>
            ),
          },
          {
            path: '/countries/settings',
            element: (
              <RequirePermission permission="safety.approve">
                <CountrySettingsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/schools/:id/plan',
            element: (
              <RequirePermission permission="safety.read">
                <PlanPage />
              </RequirePermission>
            ),
          },
          {
            path: '/plans',
            element: (
              <RequirePermission permission="safety.approve">
                <PlansPage />
              </RequirePermission>
            ),
          },
          {
            path: '/schools/:id/drills',
            element: (
              <RequirePermission permission="safety.read">
                <DrillsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/drills/due',
            element: (
              <RequirePermission permission="safety.approve">
                <DueDrillsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/schools/:id/training',
            element: (
              <RequirePermission permission="safety.read">
                <TrainingPage />
              </RequirePermission>
            ),
          },
          {
            path: '/events',
            element: (
              <RequirePermission permission="events.read">
                <EventsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/events/:id',
            element: (
              <RequirePermission permission="events.read">
                <EventPage />
              </RequirePermission>
            ),
          },
          {
            path: '/outbox',
            element: (
              <RequirePermission permission="feeds.manage">
                <OutboxPage />
              </RequirePermission>
            ),
          },
          {
            path: '/alert-rules',
            element: (
              <RequirePermission permission="alerts.manage">
                <AlertRulesPage />
              </RequirePermission>
            ),
          },
          {
            path: '/feeds',
            element: (
              <RequirePermission permission="feeds.manage">
                <FeedsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/imports',
            element: (
              <RequirePermission permission="registry.read">
                <ImportsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/imports/:id',
            element: (
              <RequirePermission permission="registry.read">
                <ImportDetailPage />
              </RequirePermission>
            ),
          },
          {
            path: '/imports/new',
            element: (
              <RequirePermission permission="registry.write">
                <ImportPage />
              </RequirePermission>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { SetPasswordPage } from './auth/SetPasswordPage';
import { SsoPage } from './auth/SsoPage';
import { RequireRole, RequireSession } from './auth/RequireSession';
import { SessionProvider } from './auth/session';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NotFound } from './components/Forbidden';
import { I18nProvider, useI18n } from './i18n/i18n';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { CalendarPage } from './pages/calendar/CalendarPage';
import { CampaignEditPage } from './pages/campaigns/CampaignEditPage';
import { CampaignFormPage } from './pages/campaigns/CampaignFormPage';
import { CampaignPage } from './pages/campaigns/CampaignPage';
import { CampaignsPage } from './pages/campaigns/CampaignsPage';
import { DutyPage } from './pages/duties/DutyPage';
import { InboxPage } from './pages/duties/InboxPage';
import { DutyBoardPage } from './pages/duties/DutyBoardPage';
import { OverduePage } from './pages/duties/OverduePage';
import { InspectionCasePage } from './pages/inspections/InspectionCasePage';
import { InspectionCasesPage } from './pages/inspections/InspectionCasesPage';
import { UnitPage } from './pages/units/UnitPage';
import { UnitsPage } from './pages/units/UnitsPage';
import { ComplianceCasePage } from './pages/compliance/ComplianceCasePage';
import { ComplianceCasesPage } from './pages/compliance/ComplianceCasesPage';
import { ExposuresPage } from './pages/compliance/ExposuresPage';
import { UnitImportsPage } from './pages/unit-imports/UnitImportsPage';
import { AssessmentPage, AssessmentsPage } from './pages/assessments/AssessmentsPage';
import { CircularPage } from './pages/circulars/CircularPage';
import { CircularsPage } from './pages/circulars/CircularsPage';
import { HomePage } from './pages/HomePage';
import { AuditLogPage } from './pages/administration/AuditLogPage';
import { DepartmentsPage } from './pages/administration/DepartmentsPage';
import { UsersPage } from './pages/administration/UsersPage';
import { ProgressPage } from './pages/progress/ProgressPage';
import { ReportPage } from './pages/reports/ReportPage';
import { ReportsPage } from './pages/reports/ReportsPage';

/**
 * Routes mirror the API's paths (/duties/:id, /compliance-cases/:id, …), so the link in an
 * e-mail opens the same thing in the console; the API sends browsers there (see console.ts).
 */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter basename="/console">
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/sso" element={<SsoPage />} />
            <Route path="/set-password" element={<SetPasswordPage />} />
            <Route
              element={
                <RequireSession>
                  <PageBoundary>
                    <ConsoleLayout />
                  </PageBoundary>
                </RequireSession>
              }
            >
              <Route index element={<HomePage />} />
              <Route
                path="inbox"
                element={
                  <RequireRole roles={['department_officer']}>
                    <InboxPage />
                  </RequireRole>
                }
              />
              <Route path="duties/:id" element={<DutyPage />} />
              <Route
                path="campaigns"
                element={
                  <RequireRole roles={['office', 'viewer']}>
                    <CampaignsPage />
                  </RequireRole>
                }
              />
              <Route
                path="campaigns/new"
                element={
                  <RequireRole roles={['office']}>
                    <CampaignFormPage />
                  </RequireRole>
                }
              />
              <Route
                path="campaigns/:id"
                element={
                  <RequireRole roles={['office', 'viewer']}>
                    <CampaignPage />
                  </RequireRole>
                }
              />
              <Route
                path="campaigns/:id/edit"
                element={
                  <RequireRole roles={['office']}>
                    <CampaignEditPage />
                  </RequireRole>
                }
              />
              <Route
                path="calendar"
                element={
                  <RequireRole roles={['office']}>
                    <CalendarPage />
                  </RequireRole>
                }
              />
              <Route
                path="duty-board"
                element={
                  <RequireRole roles={['office', 'viewer']}>
                    <DutyBoardPage />
                  </RequireRole>
                }
              />
              <Route
                path="overdue"
                element={
                  <RequireRole roles={['office', 'viewer']}>
                    <OverduePage />
                  </RequireRole>
                }
              />
              <Route
                path="inspection-cases"
                element={
                  <RequireRole roles={['inspector', 'office', 'viewer']}>
                    <InspectionCasesPage />
                  </RequireRole>
                }
              />
              <Route
                path="inspection-cases/:id"
                element={
                  <RequireRole roles={['inspector', 'office', 'viewer']}>
                    <InspectionCasePage />
                  </RequireRole>
                }
              />
              <Route
                path="units"
                element={
                  <RequireRole roles={['inspector', 'office', 'viewer']}>
                    <UnitsPage />
                  </RequireRole>
                }
              />
              <Route path="units/:creditCode" element={<UnitPage />} />
              <Route
                path="compliance-cases"
                element={
                  <RequireRole roles={['office', 'department_officer', 'viewer', 'inspector']}>
                    <ComplianceCasesPage />
                  </RequireRole>
                }
              />
              <Route path="compliance-cases/:id" element={<ComplianceCasePage />} />
              <Route
                path="exposures"
                element={
                  <RequireRole roles={['office', 'viewer']}>
                    <ExposuresPage />
                  </RequireRole>
                }
              />
              <Route
                path="unit-imports"
                element={
                  <RequireRole roles={['office', 'department_officer', 'viewer']}>
                    <UnitImportsPage />
                  </RequireRole>
                }
              />
              <Route
                path="unit-imports/:id"
                element={
                  <RequireRole roles={['office', 'department_officer', 'viewer']}>
                    <UnitImportsPage />
                  </RequireRole>
                }
              />
              <Route
                path="progress"
                element={
                  <RequireRole roles={['office', 'viewer', 'department_officer']}>
                    <ProgressPage />
                  </RequireRole>
                }
              />
              <Route
                path="reports"
                element={
                  <RequireRole roles={['office', 'viewer', 'department_officer']}>
                    <ReportsPage />
                  </RequireRole>
                }
              />
              <Route
                path="reports/:id"
                element={
                  <RequireRole roles={['office', 'viewer', 'department_officer']}>
                    <ReportPage />
                  </RequireRole>
                }
              />
              <Route
                path="assessments"
                element={
                  <RequireRole roles={['office', 'viewer', 'department_officer']}>
                    <AssessmentsPage />
                  </RequireRole>
                }
              />
              <Route
                path="assessments/:id"
                element={
                  <RequireRole roles={['office', 'viewer', 'department_officer']}>
                    <AssessmentPage />
                  </RequireRole>
                }
              />
              <Route
                path="circulars"
                element={
                  <RequireRole roles={['office', 'viewer', 'department_officer']}>
                    <CircularsPage />
                  </RequireRole>
                }
              />
              <Route
                path="circulars/:id"
                element={
                  <RequireRole roles={['office', 'viewer', 'department_officer']}>
                    <CircularPage />
                  </RequireRole>
                }
              />
              <Route path="password" element={<ChangePasswordPage />} />
              <Route
                path="users"
                element={
                  <RequireRole roles={['admin']}>
                    <UsersPage />
                  </RequireRole>
                }
              />
              <Route
                path="departments"
                element={
                  <RequireRole roles={['admin']}>
                    <DepartmentsPage />
                  </RequireRole>
                }
              />
              <Route
                path="audit-log"
                element={
                  <RequireRole roles={['admin']}>
                    <AuditLogPage />
                  </RequireRole>
                }
              />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}

function PageBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <ErrorBoundary title={t('error.render')} retry={t('action.refresh')}>
      {children}
    </ErrorBoundary>
  );
}

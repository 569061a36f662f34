import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { RequireRole, RequireSession } from './auth/RequireSession';
import { SessionProvider } from './auth/session';
import { NotFound } from './components/Forbidden';
import { I18nProvider } from './i18n/i18n';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { DutyPage } from './pages/duties/DutyPage';
import { InboxPage } from './pages/duties/InboxPage';
import { AssessmentPage, AssessmentsPage } from './pages/assessments/AssessmentsPage';
import { CircularPage } from './pages/circulars/CircularPage';
import { CircularsPage } from './pages/circulars/CircularsPage';
import { HomePage } from './pages/HomePage';
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
            <Route
              element={
                <RequireSession>
                  <ConsoleLayout />
                </RequireSession>
              }
            >
              <Route index element={<HomePage />} />
              <Route path="inbox" element={<RequireRole roles={['department_officer']}><InboxPage /></RequireRole>} />
              <Route path="duties/:id" element={<DutyPage />} />
              <Route path="progress" element={<RequireRole roles={['office', 'viewer', 'department_officer']}><ProgressPage /></RequireRole>} />
              <Route path="reports" element={<RequireRole roles={['office', 'viewer', 'department_officer']}><ReportsPage /></RequireRole>} />
              <Route path="reports/:id" element={<RequireRole roles={['office', 'viewer', 'department_officer']}><ReportPage /></RequireRole>} />
              <Route path="assessments" element={<RequireRole roles={['office', 'viewer', 'department_officer']}><AssessmentsPage /></RequireRole>} />
              <Route path="assessments/:id" element={<RequireRole roles={['office', 'viewer', 'department_officer']}><AssessmentPage /></RequireRole>} />
              <Route path="circulars" element={<RequireRole roles={['office', 'viewer', 'department_officer']}><CircularsPage /></RequireRole>} />
              <Route path="circulars/:id" element={<RequireRole roles={['office', 'viewer', 'department_officer']}><CircularPage /></RequireRole>} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}

import type { ReactNode } from 'react';
import { Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Forbidden } from '../components/Forbidden';
import { ForcedPasswordChange } from './ChangePasswordPage';
import { useSession } from './session';

/** Signed-in users only; a link followed while signed out comes back here after log-in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { me, checking } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (checking) return <Spin fullscreen description={t('common.loading')} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // A one-time password is changed before anything else (the API refuses the rest meanwhile);
  // the page asked for opens afterwards.
  if (me.mustChangePassword) return <ForcedPasswordChange />;
  return <>{children}</>;
}

/** A page for some roles only: the others see why, rather than an empty page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { hasRole } = useSession();
  return hasRole(...roles) ? <>{children}</> : <Forbidden />;
}

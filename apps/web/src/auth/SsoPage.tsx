import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Spin } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../components/api-errors';
import { useI18n } from '../i18n/i18n';
import { safeNext } from './LoginPage';
import { useSession } from './session';

/** `/console/duties/1` (as the API names a console page) → `/duties/1` (inside the router's basename). */
export function consolePath(returnTo: string | null): string {
  if (!returnTo) return '/';
  const inside = returnTo === '/console' ? '/' : returnTo.startsWith('/console/') ? returnTo.slice('/console'.length) : returnTo;
  return safeNext(inside);
}

function fragment(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

/**
 * Where single sign-on lands: the token is in the URL's fragment (it never reaches a server's
 * logs). It is stored as a password log-in's would be, the fragment is cleared from the address
 * bar and history, and the page asked for opens.
 */
export function SsoPage() {
  const { t } = useI18n();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [landing] = useState(() => {
    const params = fragment();
    return { accessToken: params.get('accessToken'), returnTo: consolePath(params.get('returnTo')) };
  });
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    if (!landing.accessToken) {
      void navigate('/login', { replace: true });
      return;
    }
    adopt(landing.accessToken)
      .then(() => navigate(landing.returnTo, { replace: true }))
      .catch(setFailure);
  }, [adopt, landing, navigate]);

  if (failure) {
    return (
      <main className="login-page">
        <Card className="login-card">
          <Alert type="error" showIcon title={t('sso.failed')} description={errorText(failure, t)} className="form-alert" role="alert" />
          <Link to="/login">{t('sso.backToLogin')}</Link>
        </Card>
      </main>
    );
  }
  return <Spin fullscreen description={t('sso.signingIn')} />;
}

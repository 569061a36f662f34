import { useState } from 'react';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { errorText } from '../components/api-errors';
import { useApiGet } from '../components/useApiGet';
import { hasMessage } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useI18n } from '../i18n/i18n';
import { useSession } from './session';
import type { OidcSettings } from '@duban/contracts';

/** Only paths inside the console may be returned to (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Why a sign-in was refused, in the user's language rather than the API's. */
function refusal(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (!(error instanceof ApiError)) return (error as Error).message;
  if (error.status === 401) return t('login.failed');
  if (error.status === 429) return t('login.throttled');
  if (error.status === 423) return t('login.locked');
  if (error.status === 403 && error.code === 'LOCAL_PASSWORDS_DISABLED') return t('login.passwordsDisabled');
  if (error.status === 503) return t('login.busy');
  return errorText(error, t);
}

export function LoginPage() {
  const { t } = useI18n();
  const { me, login, expired } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const sso = useApiGet<OidcSettings>('/auth/oidc');
  const ssoError = params.get('ssoError');
  if (me && location.pathname === '/login') return <Navigate to={next} replace />;

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setFailed(null);
    try {
      await login(values.username.trim(), values.password);
      void navigate(next, { replace: true });
    } catch (error) {
      setFailed(refusal(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card">
        <div className="login-header">
          <Typography.Title level={1} className="login-title">
            {t('app.name')} · {t('app.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Title level={2} className="login-subtitle">
          {t('login.title')}
        </Typography.Title>
        {expired && !failed && <Alert type="warning" showIcon title={t('login.expired')} className="form-alert" />}
        {ssoError && !failed && (
          <Alert
            type="error"
            showIcon
            title={
              hasMessage(`login.ssoError.${ssoError}`)
                ? t(`login.ssoError.${ssoError}` as 'login.ssoError.provider_error')
                : t('login.ssoError.other', { code: ssoError.slice(0, 40) })
            }
            className="form-alert"
            role="alert"
            data-testid="sso-error"
          />
        )}
        {failed && <Alert type="error" showIcon title={failed} className="form-alert" role="alert" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        {sso.data?.enabled && (
          <>
            <Divider plain>{t('login.or')}</Divider>
            <Button block href={`${sso.data.loginUrl ?? '/auth/oidc/login'}?returnTo=${encodeURIComponent(`/console${next}`)}`} data-testid="sso-login">
              {sso.data.label ?? t('login.sso')}
            </Button>
          </>
        )}
      </Card>
    </main>
  );
}

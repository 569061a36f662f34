import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { SignInAnswer } from '@duban/contracts';
import { applyFieldErrors, errorText } from '../components/api-errors';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useSession } from './session';

/**
 * The page of a mailed one-time link (/console/set-password#token=…): the token stays in the
 * fragment, is taken from it and cleared from the address bar; the new password signs the user in.
 */
export function SetPasswordPage() {
  const { t } = useI18n();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ newPassword: string; confirmPassword: string }>();
  const [token] = useState(() => new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token'));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  }, []);

  const submit = async (values: { newPassword: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.post<SignInAnswer>('/auth/password-reset', { token, newPassword: values.newPassword });
      await adopt(answer.accessToken);
      void navigate('/', { replace: true });
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
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
          {t('password.setTitle')}
        </Typography.Title>
        {!token ? (
          <Alert type="error" showIcon title={t('password.linkMissing')} className="form-alert" role="alert" />
        ) : (
          <>
            {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
            <Form form={form} layout="vertical" name="set-password" onFinish={(values) => void submit(values)} requiredMark={false}>
              <Form.Item
                name="newPassword"
                label={t('password.new')}
                extra={t('password.policy')}
                rules={[
                  { required: true, message: t('password.newRequired') },
                  { min: 12, message: t('password.tooShort') },
                ]}
              >
                <Input.Password autoComplete="new-password" autoFocus />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={t('password.confirm')}
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: t('password.confirmRequired') },
                  ({ getFieldValue }) => ({
                    validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('password.submit')}
              </Button>
            </Form>
          </>
        )}
        <Link to="/login" className="form-after-upload">
          {t('sso.backToLogin')}
        </Link>
      </Card>
    </main>
  );
}

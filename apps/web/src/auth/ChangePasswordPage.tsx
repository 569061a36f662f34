import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography, message } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { SignInAnswer } from '@duban/contracts';
import { applyFieldErrors, errorText } from '../components/api-errors';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useSession } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * One's own password. The API ends every session of the user and answers with a token of a new
 * one, which replaces the stored token (the old one no longer works).
 */
function ChangePasswordForm({ forced, onChanged }: { forced: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const { adopt } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.post<SignInAnswer>('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      await adopt(answer.accessToken);
      void message.success(t('password.changed'));
      onChanged();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="password-error" />}
      <Form form={form} layout="vertical" name="change-password" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item name="currentPassword" label={forced ? t('password.oneTime') : t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { min: 12, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
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
        <Button type="primary" htmlType="submit" loading={busy} block={forced} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </>
  );
}

/** The page in the console's frame, for anyone signed in. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('password.title')}
      </Typography.Title>
      <Card className="narrow-card">
        <Typography.Paragraph>{t('password.sessionsEnd')}</Typography.Paragraph>
        <ChangePasswordForm forced={false} onChanged={() => void navigate('/', { replace: true })} />
      </Card>
    </Space>
  );
}

/**
 * Signed in with a one-time password: nothing else is shown until it is changed (the API refuses
 * everything else meanwhile). The page asked for opens once the password is changed.
 */
export function ForcedPasswordChange() {
  const { t } = useI18n();
  const { me, logout } = useSession();
  return (
    <main className="login-page" data-testid="forced-password-change">
      <Card className="login-card">
        <div className="login-header">
          <Typography.Title level={1} className="login-title">
            {t('app.name')} · {t('app.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Title level={2} className="login-subtitle">
          {t('password.forcedTitle')}
        </Typography.Title>
        <Alert type="info" showIcon title={t('password.forcedHint', { name: me?.displayName ?? '' })} className="form-alert" />
        <ChangePasswordForm forced onChanged={() => undefined} />
        <Button type="link" className="form-after-upload" onClick={() => void logout()}>
          {t('logout')}
        </Button>
      </Card>
    </main>
  );
}

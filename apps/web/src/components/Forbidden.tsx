import { Result } from 'antd';
import { useI18n } from '../i18n/i18n';

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t('error.forbidden')} />;
}

export function NotFound({ text }: { text?: string }) {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={text ?? t('error.pageNotFound')} />;
}

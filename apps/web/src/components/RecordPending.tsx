import { Alert, Spin } from 'antd';
import { ApiError } from '../api/client';
import { useI18n, type Translate } from '../i18n/i18n';
import { errorText } from './api-errors';
import { NotFound } from './Forbidden';

/**
 * What a record's page shows until it has its record: "loading", "no such record" (404; also
 * 403 and 400 — not the reader's to see, or not an id: to the reader it is not there), or what
 * else went wrong.
 */
export function RecordPending({ error, notFound, describe = errorText }: { error: unknown; notFound: string; describe?: (error: unknown, t: Translate) => string }) {
  const { t } = useI18n();
  if (error instanceof ApiError && [400, 403, 404].includes(error.status)) return <NotFound text={notFound} />;
  if (error) return <Alert type="error" showIcon title={describe(error, t)} />;
  return <Spin description={t('common.loading')} />;
}

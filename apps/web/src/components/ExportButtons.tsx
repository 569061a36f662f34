import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, message } from 'antd';
import { useState } from 'react';
import { download } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { errorText } from './api-errors';

type Query = Parameters<typeof download>[1];

/** CSV and Excel of what a table shows (every matching row: the API's export, not this page). */
export function ExportButtons({ path, query, name }: { path: string; query?: Query; name: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const { limit: _limit, offset: _offset, ...all } = (query ?? {}) as Record<string, unknown>;
      await download(path, { ...(all as Query), format }, `${name}.${format}`);
    } catch (error) {
      void message.error(errorText(error, t));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space>
      <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => void run('csv')}>
        {t('action.exportCsv')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void run('xlsx')}>
        {t('action.exportXlsx')}
      </Button>
    </Space>
  );
}

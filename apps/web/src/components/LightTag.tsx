import { CheckCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import type { ProgressLight } from '@duban/domain';
import { useI18n } from '../i18n/i18n';

const COLOURS: Record<ProgressLight, string> = { green: 'success', yellow: 'warning', red: 'error' };
const ICONS: Record<ProgressLight, ReactNode> = {
  green: <CheckCircleOutlined aria-hidden />,
  yellow: <MinusCircleOutlined aria-hidden />,
  red: <ExclamationCircleOutlined aria-hidden />,
};

/** A traffic light as a tag with its word and an icon, never colour alone. */
export function LightTag({ light }: { light: ProgressLight | null | undefined }) {
  const { t, label } = useI18n();
  if (!light) return <Tag>{t('light.none')}</Tag>;
  return (
    <Tag color={COLOURS[light]} icon={ICONS[light]} data-light={light}>
      {label('light', light)}
    </Tag>
  );
}

/** The light's colour for charts (the chart's table and tooltip carry the word). */
export const LIGHT_COLOURS: Record<ProgressLight, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

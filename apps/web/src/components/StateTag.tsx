import { Tag } from 'antd';
import type { DutyState } from '../api/types';
import { useI18n } from '../i18n/i18n';

const COLOURS: Record<DutyState, string> = {
  assigned: 'gold',
  acknowledged: 'blue',
  in_progress: 'processing',
  submitted: 'purple',
  returned: 'orange',
  accepted: 'green',
  cancelled: 'default',
};

export function DutyStateTag({ state }: { state: DutyState }) {
  const { label } = useI18n();
  return (
    <Tag color={COLOURS[state]} data-state={state}>
      {label('dutyState', state)}
    </Tag>
  );
}

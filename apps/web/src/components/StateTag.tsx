import { Tag } from 'antd';
import type { DutyState } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { TONE } from './tones';

const COLOURS: Record<DutyState, string> = {
  assigned: TONE.waiting,
  acknowledged: TONE.info,
  in_progress: TONE.progress,
  submitted: TONE.review,
  returned: TONE.warning,
  accepted: TONE.success,
  cancelled: TONE.neutral,
};

export function DutyStateTag({ state }: { state: DutyState }) {
  const { label } = useI18n();
  return (
    <Tag color={COLOURS[state]} data-state={state}>
      {label('dutyState', state)}
    </Tag>
  );
}

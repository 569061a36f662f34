import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { PhaseStatus } from '@duban/domain';
import type { CampaignStatus } from '@duban/contracts';

const CAMPAIGN_COLOURS: Record<CampaignStatus, string> = { planned: 'default', active: 'processing', completed: 'green' };
const PHASE_COLOURS: Record<PhaseStatus, string> = { planned: 'default', open: 'processing', closed: 'green' };

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={CAMPAIGN_COLOURS[status]} data-state={status}>
      {label('campaignStatus', status)}
    </Tag>
  );
}

export function PhaseStatusTag({ status }: { status: PhaseStatus }) {
  const { label } = useI18n();
  return (
    <Tag color={PHASE_COLOURS[status]} data-state={status}>
      {label('phaseStatus', status)}
    </Tag>
  );
}

// Tags for the compliance chain's values: a word from the catalogue and a colour (never the colour alone).
import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { ComplianceCaseOutcome, ComplianceCaseState, Finding } from '@duban/domain';
import type { ExposureStatus, UnitImportStatus } from '@duban/contracts';

const STATE_COLOURS: Record<ComplianceCaseState, string> = { identified: 'gold', notified: 'blue', escalated: 'red', closed: 'default' };

export function CaseStateTag({ state, outcome }: { state: ComplianceCaseState; outcome?: ComplianceCaseOutcome | null }) {
  const { label } = useI18n();
  const text = state === 'closed' && outcome ? label('caseOutcome', outcome) : label('caseState', state);
  return (
    <Tag color={state === 'closed' && outcome === 'rectified' ? 'green' : STATE_COLOURS[state]} data-state={state}>
      {text}
    </Tag>
  );
}

export function FindingTag({ finding }: { finding: Finding }) {
  const { label } = useI18n();
  return <Tag color={finding === 'in_arrears' ? 'volcano' : finding === 'not_registered' ? 'magenta' : 'orange'}>{label('finding', finding)}</Tag>;
}

export function ExposureTag({ status }: { status: ExposureStatus | null }) {
  const { label } = useI18n();
  if (!status || status === 'none') return <span>{label('exposureStatus', 'none')}</span>;
  const colour = status === 'approved' ? 'red' : status === 'proposed' ? 'gold' : 'default';
  return (
    <Tag color={colour} data-exposure={status}>
      {label('exposureStatus', status)}
    </Tag>
  );
}

export function InspectionStatusTag({ status }: { status: 'open' | 'closed' }) {
  const { label } = useI18n();
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{label('inspectionStatus', status)}</Tag>;
}

export function ImportStatusTag({ status }: { status: UnitImportStatus }) {
  const { label } = useI18n();
  const colour = status === 'completed' ? 'green' : status === 'failed' ? 'error' : status === 'running' ? 'processing' : 'default';
  return (
    <Tag color={colour} data-status={status}>
      {label('importStatus', status)}
    </Tag>
  );
}

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { invalidate, queryKeys } from '../../api/query-keys';
import type { Department } from '@duban/contracts';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { RecordPending } from '../../components/RecordPending';
import { useI18n } from '../../i18n/i18n';
import { cleanBody, cleanPhase, cleanTargets, fieldAliases, LadderFields, LeadingGroupFields, PhaseFields, TargetsFields } from './campaign-fields';
import { PhaseStatusTag } from './CampaignTags';
import type { CampaignDetail, CampaignRoute as MatrixRoute, TemplateView } from '@duban/contracts';

/**
 * Edits a campaign part by part, as the API replaces them: targets, leading group, escalation
 * ladder, and each phase not yet launched. Every change carries a reason (kept in the log).
 */
export function CampaignEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();

  // Its own key under the campaign's path: the campaign page reads the campaign with other parts.
  const record = useQuery({
    queryKey: [...queryKeys.under(`/campaigns/${id}`), { editing: true }],
    queryFn: async ({ signal }) => {
      const [detail, registry, routes] = await Promise.all([
        api.get<CampaignDetail>(`/campaigns/${id}`, undefined, signal),
        api.get<Department[]>('/departments', undefined, signal),
        api.get<MatrixRoute[]>(`/campaigns/${id}/duty-matrix`, undefined, signal),
      ]);
      return { campaign: detail, units: registry, matrix: routes };
    },
  });
  const campaign = record.data?.campaign ?? null;
  const units = record.data?.units ?? [];
  const matrix = record.data?.matrix ?? [];
  const failure = record.error;
  // A saved part changes the campaign, its phases and the campaign list.
  const load = () => invalidate(queryClient, [queryKeys.under('/campaigns')]);

  if (failure || !campaign) return <RecordPending error={failure} notFound={t('campaign.notFound')} />;

  const planned = campaign.phases.filter((p) => p.status === 'planned');
  return (
    <Space orientation="vertical" size="middle" className="page">
      <Space wrap align="center" className="toolbar">
        <Typography.Title level={1} className="page-title">
          {t('campaignEdit.title', { name: campaign.name })}
        </Typography.Title>
        <Link to={`/campaigns/${campaign.id}`}>{t('campaignEdit.back')}</Link>
      </Space>
      <Alert type="info" showIcon title={t('campaignEdit.partsNote')} />
      <TargetsEditor campaign={campaign} units={units} onSaved={load} />
      <LeadingGroupEditor campaign={campaign} units={units} onSaved={load} />
      <LadderEditor campaign={campaign} onSaved={load} />
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('campaign.phases')}
        </Typography.Title>
        {campaign.phases
          .filter((p) => p.status !== 'planned')
          .map((p) => (
            <Typography.Paragraph key={p.id}>
              {p.seq + 1}. {p.name} <PhaseStatusTag status={p.status} /> {t('campaignEdit.phaseLaunched')}
            </Typography.Paragraph>
          ))}
        {planned.length === 0 && <Typography.Text type="secondary">{t('campaignEdit.noPlannedPhases')}</Typography.Text>}
      </Card>
      {planned.map((p) => (
        <PhaseEditor key={p.id} campaignId={campaign.id} phase={p} matrix={matrix} onSaved={load} />
      ))}
    </Space>
  );
}

/** One part's form: its fields, a reason, a save button, the API's answer. */
function PartForm({
  title,
  name,
  initialValues,
  save,
  onSaved,
  reasonRequired = true,
  children,
}: {
  title: string;
  name: string;
  initialValues: Record<string, unknown>;
  save(values: any): Promise<unknown>;
  onSaved(): Promise<void>;
  reasonRequired?: boolean;
  children(form: ReturnType<typeof Form.useForm>[0]): ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const initialKey = JSON.stringify(initialValues);

  useEffect(() => {
    form.resetFields();
  }, [form, initialKey]);

  const submit = async (values: any) => {
    setBusy(true);
    setFailure(null);
    try {
      await save(values);
      void message.success(t('campaignEdit.saved', { part: title }));
      await onSaved();
      form.setFieldValue('reason', undefined);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t, fieldAliases(error));
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        name={name}
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        onFinishFailed={() => setFailure(t('error.fields'))}
        scrollToFirstError
      >
        {children(form)}
        <Form.Item name="reason" label={t('campaignEdit.reason')} rules={reasonRequired ? [{ required: true, whitespace: true, message: t('campaignEdit.reasonRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${name}-save`}>
          {t('campaignEdit.save', { part: title })}
        </Button>
      </Form>
    </Card>
  );
}

function TargetsEditor({ campaign, units, onSaved }: { campaign: CampaignDetail; units: Department[]; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const members = useMemo(() => units.filter((u) => campaign.leadingGroup.members.some((m) => m.departmentId === u.id)), [units, campaign]);
  const districts = campaign.jurisdiction.districts.map((d) => ({ id: d.id, name: d.name, code: '' }));
  return (
    <PartForm
      title={t('campaign.targets')}
      name="campaign-targets"
      initialValues={{ targets: campaign.targets }}
      save={(values) => api.put(`/campaigns/${campaign.id}/targets`, { targets: cleanTargets(values.targets), reason: values.reason })}
      onSaved={onSaved}
    >
      {(form) => <TargetsFields form={form} districts={districts} departments={members} />}
    </PartForm>
  );
}

function LeadingGroupEditor({ campaign, units, onSaved }: { campaign: CampaignDetail; units: Department[]; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const departments = units.filter((u) => u.kind === 'department');
  return (
    <PartForm
      title={t('campaign.leadingGroup')}
      name="campaign-leading-group"
      initialValues={{ leadingGroup: campaign.leadingGroup }}
      save={(values) => api.put(`/campaigns/${campaign.id}/leading-group`, { leadingGroup: cleanBody(values.leadingGroup), reason: values.reason })}
      onSaved={onSaved}
    >
      {() => <LeadingGroupFields departments={departments} />}
    </PartForm>
  );
}

function LadderEditor({ campaign, onSaved }: { campaign: CampaignDetail; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  return (
    <PartForm
      title={t('campaign.escalationLadder')}
      name="campaign-ladder"
      initialValues={{ reminderBefore: campaign.escalationLadder.reminderBefore, escalationLadder: campaign.escalationLadder.escalationLadder }}
      save={(values) => api.put(`/campaigns/${campaign.id}/escalation-ladder`, cleanBody(values))}
      onSaved={onSaved}
    >
      {() => <LadderFields prefix={[]} />}
    </PartForm>
  );
}

/** A template as the phase's PUT takes it (without its id: a revision gives new ones). */
function templateBody(tpl: TemplateView) {
  return { title: tpl.title, description: tpl.description, route: tpl.route, scope: tpl.scope, due: tpl.due };
}

function PhaseEditor({ campaignId, phase, matrix, onSaved }: { campaignId: string; phase: CampaignDetail['phases'][number]; matrix: MatrixRoute[]; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const title = t('campaignEdit.phaseTitle', { n: phase.seq + 1, name: phase.name });
  return (
    <PartForm
      title={title}
      name={`campaign-phase-${phase.seq}`}
      initialValues={{ kind: phase.kind, name: phase.name, window: phase.window, focusSectors: phase.focusSectors, templates: phase.templates.map(templateBody) }}
      save={(values) => api.put(`/campaigns/${campaignId}/phases/${phase.id}`, cleanPhase(values))}
      onSaved={onSaved}
    >
      {(form) => (
        <>
          <Typography.Title level={2} className="section-title">
            {title}
          </Typography.Title>
          <PhaseFields form={form} name={[]} path={[]} matrix={matrix} kindLocked />
        </>
      )}
    </PartForm>
  );
}

import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Spin, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { Department } from '@duban/contracts';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { DUBAN_TIME_ZONE } from '@duban/domain';
import { useI18n } from '../../i18n/i18n';
import {
  cleanBody,
  cleanPhase,
  cleanTargets,
  dateText,
  defaultLadder,
  fieldAliases,
  LadderFields,
  LeadingGroupFields,
  newTemplate,
  PhaseFields,
  TargetsFields,
} from './campaign-fields';
import type { CampaignDetail, CampaignRoute as MatrixRoute } from '@duban/contracts';

/** Registry units and the shared duty matrix, which the campaign's form chooses from. */
export function useCampaignReferenceData() {
  const reference = useQuery({
    queryKey: queryKeys.record('/duty-matrix'),
    queryFn: async ({ signal }) => {
      const [u, m] = await Promise.all([api.get<Department[]>('/departments', undefined, signal), api.get<MatrixRoute[]>('/duty-matrix', undefined, signal)]);
      return { units: u, matrix: m };
    },
  });
  const units = reference.data?.units ?? null;
  const matrix = reference.data?.matrix ?? null;
  const failure = reference.error;
  const districts = useMemo(() => (units ?? []).filter((u) => u.kind === 'district'), [units]);
  const departments = useMemo(() => (units ?? []).filter((u) => u.kind === 'department'), [units]);
  return { units, matrix, districts, departments, failure };
}

/**
 * A new campaign. Prefilled so that a minimal campaign needs only its name, jurisdiction, legal
 * basis and chair: a period of a year from today, the domain's default ladder, a mobilisation
 * phase with one template (registration, due five working days after the launch).
 */
export function CampaignFormPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const { units, matrix, districts, departments, failure: loadFailure } = useCampaignReferenceData();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const districtIds = (Form.useWatch(['jurisdiction', 'districtIds'], form) as string[] | undefined) ?? [];
  const members = (Form.useWatch(['leadingGroup', 'members'], form) as Array<{ departmentId?: string }> | undefined) ?? [];
  const chosenDistricts = districts.filter((d) => districtIds.includes(d.id));
  const memberDepartments = departments.filter((d) => members.some((m) => m?.departmentId === d.id));

  const initialValues = useMemo(() => {
    if (!matrix) return null;
    const today = dayjs().tz(DUBAN_TIME_ZONE);
    return {
      jurisdiction: { level: 'city', districtIds: [] },
      period: { start: today.format('YYYY-MM-DD'), end: today.add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD') },
      targets: [],
      leadingGroup: { chair: {}, viceChairs: [], members: [] },
      escalationLadder: defaultLadder(),
      phases: [
        {
          kind: 'mobilisation',
          name: t('phaseKind.mobilisation'),
          window: { start: today.format('YYYY-MM-DD'), end: today.add(1, 'month').format('YYYY-MM-DD') },
          templates: [newTemplate(matrix, t('campaignForm.defaultTemplateTitle'))],
        },
      ],
    };
  }, [matrix, t]);

  if (loadFailure) return <Alert type="error" showIcon title={errorText(loadFailure, t)} />;
  if (!units || !matrix || !initialValues) return <Spin description={t('common.loading')} />;

  const submit = async (values: any) => {
    setBusy(true);
    setFailure(null);
    try {
      const body = cleanBody({
        ...values,
        targets: cleanTargets(values.targets),
        phases: (values.phases ?? []).map(cleanPhase),
      });
      const created = await api.post<CampaignDetail>('/campaigns', body);
      void message.success(t('campaignForm.created', { name: created.name }));
      void navigate(`/campaigns/${created.id}`);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t, fieldAliases(error));
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('campaignForm.required') }];
  return (
    <Space orientation="vertical" size="middle" className="page">
      <Typography.Title level={1} className="page-title">
        {t('campaignForm.newTitle')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        name="campaign"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
        onFinishFailed={() => setFailure(t('error.fields'))}
        scrollToFirstError
      >
        <Space orientation="vertical" size="middle" className="full-width">
          <Card>
            <Typography.Title level={2} className="section-title">
              {t('campaignForm.basics')}
            </Typography.Title>
            <Form.Item name="name" label={t('campaign.name')} rules={required}>
              <Input maxLength={200} placeholder={t('campaignForm.namePlaceholder')} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item name={['jurisdiction', 'name']} label={t('campaign.jurisdictionName')} rules={required}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name={['jurisdiction', 'level']} label={t('campaign.jurisdictionLevel')} rules={required}>
                  <Select options={(['city', 'province'] as const).map((l) => ({ value: l, label: t(`jurisdictionLevel.${l}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name={['jurisdiction', 'districtIds']}
                  label={t('campaign.districts')}
                  extra={districts.length === 0 ? t('campaignForm.noDistrictsRegistered') : undefined}
                >
                  <Select
                    mode="multiple"
                    optionFilterProp="label"
                    options={districts.map((d) => ({ value: d.id, label: d.name }))}
                    popupRender={(menu) => (
                      <>
                        {menu}
                        <Button
                          type="link"
                          size="small"
                          icon={<PlusOutlined aria-hidden />}
                          onClick={() =>
                            form.setFieldValue(
                              ['jurisdiction', 'districtIds'],
                              districts.map((d) => d.id),
                            )
                          }
                        >
                          {t('campaignForm.allDistricts')}
                        </Button>
                      </>
                    )}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name={['period', 'start']} label={t('campaign.periodStart')} rules={[{ required: true, message: t('campaignForm.required') }]} {...dateText}>
                  <DatePicker className="full-width" />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name={['period', 'end']} label={t('campaign.periodEnd')} rules={[{ required: true, message: t('campaignForm.required') }]} {...dateText}>
                  <DatePicker className="full-width" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name={['legalBasis', 'title']} label={t('campaign.legalBasisTitle')} rules={required}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item name={['legalBasis', 'number']} label={t('campaign.legalBasisNumber')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card>
            <LeadingGroupFields departments={departments} />
          </Card>
          <Card>
            <TargetsFields form={form} districts={chosenDistricts} departments={memberDepartments} />
          </Card>
          <Card>
            <Typography.Title level={2} className="section-title">
              {t('campaign.phases')}
            </Typography.Title>
            <Form.List name="phases">
              {(fields, { add, remove }, { errors }) => (
                <Space orientation="vertical" className="full-width">
                  <Form.ErrorList errors={errors} />
                  {fields.map((field) => (
                    <Card
                      key={field.key}
                      size="small"
                      title={t('campaignForm.phaseN', { n: field.name + 1 })}
                      extra={
                        fields.length > 1 && (
                          <Button type="link" danger onClick={() => remove(field.name)}>
                            {t('action.delete')}
                          </Button>
                        )
                      }
                    >
                      <PhaseFields form={form} name={[field.name]} path={['phases', field.name]} matrix={matrix} />
                    </Card>
                  ))}
                  <Space wrap>
                    {(['special_operation', 'acceptance'] as const).map((kind) => (
                      <Button
                        key={kind}
                        icon={<PlusOutlined aria-hidden />}
                        onClick={() => {
                          const phases = (form.getFieldValue('phases') ?? []) as Array<{ window?: { end?: string } }>;
                          const after = phases.at(-1)?.window?.end;
                          const start = after ? dayjs(after).add(1, 'day') : dayjs().tz(DUBAN_TIME_ZONE);
                          add({
                            kind,
                            name: t(`phaseKind.${kind}`),
                            window: { start: start.format('YYYY-MM-DD'), end: start.add(1, 'month').format('YYYY-MM-DD') },
                            focusSectors: [],
                            templates: [],
                          });
                        }}
                      >
                        {t(kind === 'special_operation' ? 'campaignForm.addRound' : 'campaignForm.addAcceptance')}
                      </Button>
                    ))}
                  </Space>
                </Space>
              )}
            </Form.List>
          </Card>
          <Card>
            <LadderFields prefix={['escalationLadder']} />
          </Card>
          {failure && <Alert type="error" showIcon title={failure} role="alert" />}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="campaign-submit">
              {t('campaignForm.create')}
            </Button>
            <Button onClick={() => navigate('/campaigns')}>{t('action.cancel')}</Button>
          </Space>
        </Space>
      </Form>
    </Space>
  );
}

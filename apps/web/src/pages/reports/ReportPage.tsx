import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Collapse, Descriptions, Empty, Form, Input, InputNumber, Row, Space, Table, Tag, Typography, message } from 'antd';
import { INSURANCE_TYPES, type InsuranceFigures, type InsuranceType } from '@duban/domain';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { apiQuery, invalidate, queryKeys } from '../../api/query-keys';
import { useMe } from '../../auth/session';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { formatDateTime, formatNumber } from '../../components/format';
import { RecordPending } from '../../components/RecordPending';
import { useApiGet } from '../../components/useApiGet';
import { useI18n } from '../../i18n/i18n';
import { ReportStateTag } from './ReportsPage';
import type { ReportFigures } from '@duban/domain';
import type { ReportDetail, ReportFiling, ReportList } from '@duban/contracts';
import { FILABLE_STATES } from './types';
import { roundName } from './words';

const CENSUS_FIELDS = ['unitsSurveyed', 'uninsuredUnitsFound', 'uninsuredPersonsFound', 'unitsNewlyInsured'] as const;
const INSURANCE_FIELDS = ['newlyInsured', 'totalInsured', 'contributionRate', 'fundsCollectedYuan'] as const;
type InsuranceField = (typeof INSURANCE_FIELDS)[number];

/** A report: what it covers, its state, every version filed; the owing liaison's filing form. */
export function ReportPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const record = useQuery(apiQuery<ReportDetail>(`/reports/${id}`));
  const report = record.data ?? null;
  const failure = record.error;

  if (failure || !report) return <RecordPending error={failure} notFound={t('reports.notFound')} />;

  const mayFile = me.role === 'department_officer' && me.departmentId === report.unitId && FILABLE_STATES.includes(report.dutyState);
  const latest = report.filings[report.filings.length - 1] ?? null;
  const late = report.firstFiledAt !== null && new Date(report.firstFiledAt) > new Date(report.dueAt);

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap align="center">
            <Typography.Title level={1} className="page-title" data-testid="report-title">
              {report.unitName} · {roundName(report.roundKey, label)}
            </Typography.Title>
            <ReportStateTag state={report.dutyState} />
            {late && <Tag color="warning">{t('reports.filedLate')}</Tag>}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3 }} bordered>
            <Descriptions.Item label={t('common.campaign')}>{report.campaignName}</Descriptions.Item>
            <Descriptions.Item label={t('reports.period')}>
              {report.periodStart} – {report.periodEnd}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.dueAt')}>{formatDateTime(report.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('reports.firstFiledAt')}>{report.firstFiledAt ? formatDateTime(report.firstFiledAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.latestVersion')}>{report.latestVersion ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reports.duty')}>
              <Link to={`/duties/${report.dutyId}`} data-testid="report-duty-link">
                {me.role === 'office' ? t('reports.dutyOffice') : t('reports.dutyLink')}
              </Link>
            </Descriptions.Item>
          </Descriptions>
          {report.dutyState === 'returned' && <Alert type="warning" showIcon title={t('reports.returnedHint')} />}
          {me.role === 'office' && report.dutyState === 'submitted' && <Alert type="info" showIcon title={t('reports.officeHint')} />}
        </Space>
      </Card>
      {mayFile && <FilingForm key={report.id} report={report} latest={latest} onFiled={() => invalidate(queryClient, queryKeys.reportFiled(report.dutyId))} />}
      <Card>
        <Typography.Title level={2} className="section-title">
          {t('reports.versions')}
        </Typography.Title>
        {report.filings.length === 0 ? (
          <Empty description={t('reports.noFilings')} />
        ) : (
          <Collapse
            data-testid="report-versions"
            defaultActiveKey={[String(latest?.version)]}
            items={[...report.filings].reverse().map((f) => ({
              key: String(f.version),
              label: (
                <Space wrap>
                  <Typography.Text strong>{t('progress.version', { version: f.version })}</Typography.Text>
                  <span>
                    {formatDateTime(f.filedAt)} · {f.filedByUsername}
                  </span>
                  {f.correctionNote && <Tag color="blue">{t('reports.corrected')}</Tag>}
                  {f.flags.length > 0 && <Tag color="warning">{t('reports.flaggedYes')}</Tag>}
                </Space>
              ),
              children: <FilingView filing={f} />,
            }))}
          />
        )}
      </Card>
    </Space>
  );
}

interface FigureRow {
  key: string;
  name: string;
  values: Partial<Record<InsuranceField, number>>;
}

function FilingView({ filing }: { filing: ReportFiling }) {
  const { t, label } = useI18n();
  const insuranceRows: FigureRow[] = INSURANCE_TYPES.filter((type) => filing.figures.insurance[type]).map((type) => ({
    key: type,
    name: label('insuranceType', type),
    values: filing.figures.insurance[type] as InsuranceFigures,
  }));
  return (
    <Space orientation="vertical" className="full-width">
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }} title={t('reports.census')}>
        {CENSUS_FIELDS.map((field) => (
          <Descriptions.Item key={field} label={t(`reports.census.${field}`)}>
            {formatNumber(filing.figures.census[field])}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Table<FigureRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={insuranceRows}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('reports.noInsurance') }}
        columns={[
          { title: t('reports.insuranceType'), dataIndex: 'name' },
          ...INSURANCE_FIELDS.map((field) => ({
            title: t(`reports.insurance.${field}`),
            key: field,
            align: 'right' as const,
            render: (_: unknown, row: FigureRow) => {
              const value = row.values[field];
              if (value === undefined) return '—';
              return field === 'contributionRate' ? `${formatNumber(value, 2)}%` : formatNumber(value, field === 'fundsCollectedYuan' ? 2 : 0);
            },
          })),
        ]}
      />
      {filing.flags.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('reports.flagsTitle')}
          description={
            <ul className="plain-list">
              {filing.flags.map((flag) => (
                <li key={flag.field}>{t('reports.flagLine', { message: flag.message, reported: formatNumber(flag.reported), library: formatNumber(flag.library) })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('reports.problems')}>
          <span className="pre-wrap">{filing.problems || t('common.none')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.proposals')}>
          <span className="pre-wrap">{filing.proposals || t('common.none')}</span>
        </Descriptions.Item>
        {filing.correctionNote && (
          <Descriptions.Item label={t('reports.correctionNote')}>
            <span className="pre-wrap">{filing.correctionNote}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Space>
  );
}

interface FormValues {
  census: Record<(typeof CENSUS_FIELDS)[number], number | null>;
  insurance: Partial<Record<InsuranceType, Partial<Record<InsuranceField, number | null>>>>;
  problems?: string;
  proposals?: string;
  correctionNote?: string;
}

/** The figures as the API takes them: census whole, each insurance type only with the figures given. */
function bodyOf(values: FormValues, withCorrection: boolean) {
  const insurance: ReportFigures['insurance'] = {};
  for (const type of INSURANCE_TYPES) {
    const given = Object.entries(values.insurance?.[type] ?? {}).filter(([, v]) => v !== null && v !== undefined);
    if (given.length > 0) insurance[type] = Object.fromEntries(given) as InsuranceFigures;
  }
  return {
    census: values.census,
    insurance,
    problems: values.problems?.trim() ?? '',
    proposals: values.proposals?.trim() ?? '',
    ...(withCorrection && values.correctionNote?.trim() ? { correctionNote: values.correctionNote.trim() } : {}),
  };
}

function FilingForm({ report, latest, onFiled }: { report: ReportDetail; latest: ReportFiling | null; onFiled(): Promise<void> }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [askCorrection, setAskCorrection] = useState(false);
  const [prefilledFrom, setPrefilledFrom] = useState<{ roundKey: string; version: number } | null>(null);

  // A first filing starts from the unit's last filed report: the figures are cumulative. Without
  // it (none, or it could not be read) the form simply starts empty.
  const others = useApiGet<ReportList>(latest ? null : '/reports', { campaignId: report.campaignId, unitId: report.unitId, pageSize: 100 });
  const previous = others.data?.items
    .filter((r) => r.id !== report.id && r.latestVersion !== null && r.firstFiledAt !== null)
    .sort((a, b) => (b.firstFiledAt ?? '').localeCompare(a.firstFiledAt ?? ''))[0];
  const previousDetail = useApiGet<ReportDetail>(previous ? `/reports/${previous.id}` : null);
  const previousFiling = previousDetail.data?.filings[previousDetail.data.filings.length - 1] ?? null;
  const previousRound = previous?.roundKey ?? null;

  useEffect(() => {
    // A returned report is filed again from what was sent last time.
    if (latest) {
      form.setFieldsValue({
        census: latest.figures.census,
        insurance: latest.figures.insurance as FormValues['insurance'],
        problems: latest.problems,
        proposals: latest.proposals,
      });
      return;
    }
    // The previous report's figures, once read, unless the user has begun typing.
    if (!previousRound || !previousFiling || form.isFieldsTouched()) return;
    form.setFieldsValue({ census: previousFiling.figures.census, insurance: previousFiling.figures.insurance as FormValues['insurance'] });
    setPrefilledFrom({ roundKey: previousRound, version: previousFiling.version });
  }, [form, latest, previousRound, previousFiling]);

  const submit = async (values: FormValues) => {
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/reports/${report.id}/filings`, bodyOf(values, askCorrection));
      void message.success(t('reports.filed'));
      setAskCorrection(false);
      await onFiled();
    } catch (error) {
      // A cumulative figure that fell: the API asks for a correction note; show the field with its message.
      if (error instanceof ApiError && error.fields.correctionNote) setAskCorrection(true);
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const count = (name: (string | number)[], text: string, required = false) => (
    <Form.Item name={name} label={text} rules={required ? [{ required: true, message: t('reports.required') }] : []}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Card>
      <Typography.Title level={2} className="section-title">
        {latest ? t('reports.fileAgain', { version: latest.version + 1 }) : t('reports.fileTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reports.fileHint')}</Typography.Paragraph>
      {prefilledFrom && (
        <Alert
          type="info"
          showIcon
          title={t('reports.prefilled', { round: roundName(prefilledFrom.roundKey, label), version: prefilledFrom.version })}
          className="form-alert"
          data-testid="filing-prefilled"
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="filing-error" />}
      <Form<FormValues> form={form} layout="vertical" name="report-filing" onFinish={(v) => void submit(v)} data-testid="filing-form" scrollToFirstError>
        <Typography.Title level={3} className="subsection-title">
          {t('reports.census')}
        </Typography.Title>
        <Row gutter={16}>
          {CENSUS_FIELDS.map((field) => (
            <Col xs={24} sm={12} lg={6} key={field}>
              {count(['census', field], t(`reports.census.${field}`), true)}
            </Col>
          ))}
        </Row>
        <Typography.Title level={3} className="subsection-title">
          {t('reports.insuranceFigures')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('reports.insuranceHint')}</Typography.Paragraph>
        {INSURANCE_TYPES.map((type) => (
          <fieldset key={type} className="figure-group">
            <legend>{label('insuranceType', type)}</legend>
            <Row gutter={16}>
              {INSURANCE_FIELDS.map((field) => (
                <Col xs={24} sm={12} lg={6} key={field}>
                  <Form.Item name={['insurance', type, field]} label={t(`reports.insurance.${field}`)}>
                    {field === 'contributionRate' ? (
                      <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
                    ) : field === 'fundsCollectedYuan' ? (
                      <InputNumber min={0} precision={2} suffix={t('reports.yuan')} style={{ width: '100%' }} />
                    ) : (
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                    )}
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </fieldset>
        ))}
        <Form.Item name="problems" label={t('reports.problems')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="proposals" label={t('reports.proposals')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="correctionNote"
          label={t('reports.correctionNote')}
          hidden={!askCorrection}
          extra={t('reports.correctionHint')}
          rules={askCorrection ? [{ required: true, whitespace: true, message: t('reports.correctionRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="correction-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="file-report">
          {t('reports.submit')}
        </Button>
      </Form>
    </Card>
  );
}

// The parts of a campaign's form, shared by the new-campaign form and the edit page. Every
// Form.Item's name is the API's path of the value (targets.0.districtShares, leadingGroup.chair.name …),
// so the API's 400 field messages land next to the right field.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { DEFAULT_DUTY_CLOCK_POLICY, DUBAN_TIME_ZONE, INSURANCE_TYPES, NOTIFICATION_AUDIENCES, PERSONS_MEASURES, PHASE_KINDS, TARGET_KINDS } from '@duban/domain';
import { ApiError } from '../../api/client';
import type { Department } from '@duban/contracts';
import { beijingInstant, formatNumber } from '../../components/format';
import { useI18n } from '../../i18n/i18n';
import type { DutyTemplateRoute } from '@duban/domain';
import type { CampaignRoute as MatrixRoute } from '@duban/contracts';

/** The route kinds a template's form offers. */
type TemplateRouteKind = DutyTemplateRoute['kind'];

export type NamePath = Array<string | number>;
type Unit = Pick<Department, 'id' | 'name' | 'code'>;

/** A date kept in the form as the API's YYYY-MM-DD text, shown with a date picker. */
export const dateText = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: dayjs.Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/** A date-time kept in the form as an ISO instant, picked (and shown) in Beijing time. */
const instantText = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(dayjs(value).tz(DUBAN_TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss')) : undefined }),
  normalize: (value: dayjs.Dayjs | null | undefined) => (value ? beijingInstant(value) : undefined),
};

/**
 * The domain names a phase's window `windowStart`/`windowEnd`; the body (and the form) says
 * `window.start`/`window.end`. Returns the aliases for applyFieldErrors.
 */
export function fieldAliases(error: unknown): Record<string, string> {
  const aliases: Record<string, string> = {};
  if (!(error instanceof ApiError)) return aliases;
  for (const field of Object.keys(error.fields)) {
    const renamed = field.replace(/(^|\.)windowStart$/, '$1window.start').replace(/(^|\.)windowEnd$/, '$1window.end');
    if (renamed !== field) aliases[field] = renamed;
  }
  return aliases;
}

/** Drops what the form holds but the API does not take: empty optional values, empty contacts. */
export function cleanBody<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cleanBody(v)) as T;
  if (value && typeof value === 'object' && !dayjs.isDayjs(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      // Optional texts (a contact's phone or e-mail) left empty are not sent.
      if (v === '' && (key === 'phone' || key === 'email' || key === 'key')) continue;
      out[key] = cleanBody(v);
    }
    return out as T;
  }
  return value;
}

/** A target as the API takes it: a measure only for persons, a stretch only for funds. */
export function cleanTargets(targets: any[] | undefined): any[] {
  return (targets ?? []).map((t) => {
    const out = { ...t };
    if (out.kind !== 'persons') delete out.measure;
    if (out.kind !== 'funds') {
      delete out.stretch;
      for (const list of ['districtShares', 'departmentShares']) {
        out[list] = (out[list] ?? []).map((s: any) => ({ unitId: s.unitId, value: s.value }));
      }
    }
    return cleanBody(out);
  });
}

/** The domain's default ladder (docs/domain.md, "The escalation ladder"), as the form holds it. */
export function defaultLadder() {
  return {
    reminderBefore: { workingDays: 'workingDays' in DEFAULT_DUTY_CLOCK_POLICY.reminderBefore ? DEFAULT_DUTY_CLOCK_POLICY.reminderBefore.workingDays : 2 },
    escalationLadder: DEFAULT_DUTY_CLOCK_POLICY.escalationLadder.map((s) => ({
      step: s.step,
      after: { workingDays: 'workingDays' in s.after ? s.after.workingDays : 0 },
      notify: [...s.notify],
    })),
  };
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={2} className="section-title">
      {children}
    </Typography.Title>
  );
}

// ---------------------------------------------------------------- targets

function ShareSum({ form, index, list }: { form: FormInstance; index: number; list: 'districtShares' | 'departmentShares' }) {
  const { t } = useI18n();
  const target = Form.useWatch(['targets', index], form) as
    { kind?: string; value?: number; districtShares?: Array<{ value?: number }>; departmentShares?: Array<{ value?: number }> } | undefined;
  const shares = target?.[list] ?? [];
  if (!target || shares.length === 0) return null;
  if (target.kind === 'contribution_rate') {
    return <Typography.Text type="secondary">{t('campaignForm.rateSharesNoSum')}</Typography.Text>;
  }
  const digits = target.kind === 'funds' ? 2 : 0;
  const toUnits = (n: number) => (target.kind === 'funds' ? Math.round(n * 100) : n);
  const sum = shares.reduce((total, s) => total + toUnits(Number(s?.value ?? 0)), 0);
  const whole = toUnits(Number(target.value ?? 0));
  const shown = (n: number) => formatNumber(target.kind === 'funds' ? n / 100 : n, digits);
  const matches = sum === whole;
  return (
    <Typography.Text type={matches ? 'success' : 'danger'} data-testid={`share-sum-${index}-${list}`} role="status">
      {t('campaignForm.shareSum', { sum: shown(sum), whole: shown(whole) })}{' '}
      {matches ? t('campaignForm.shareSumMatches') : t('campaignForm.shareSumDiffers', { difference: shown(whole - sum) })}
    </Typography.Text>
  );
}

function SharesList({ form, index, list, units, title }: { form: FormInstance; index: number; list: 'districtShares' | 'departmentShares'; units: Unit[]; title: string }) {
  const { t } = useI18n();
  const kind = Form.useWatch(['targets', index, 'kind'], form) as string | undefined;
  return (
    <Form.Item label={title}>
      <Form.List name={[index, list]}>
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" className="full-width">
            <Form.ErrorList errors={errors} />
            {fields.map((field) => (
              <Space key={field.key} wrap align="start">
                <Form.Item name={[field.name, 'unitId']} rules={[{ required: true, message: t('campaignForm.unitRequired') }]} noStyle={false}>
                  <Select
                    aria-label={t('campaignForm.shareUnit')}
                    placeholder={t('campaignForm.shareUnit')}
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 200 }}
                    options={units.map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: t('campaignForm.valueRequired') }]}>
                  <InputNumber aria-label={t('campaignForm.shareValue')} placeholder={t('campaignForm.shareValue')} min={0} style={{ width: 160 }} />
                </Form.Item>
                {kind === 'funds' && (
                  <Form.Item name={[field.name, 'stretch']}>
                    <InputNumber aria-label={t('campaignForm.shareStretch')} placeholder={t('campaignForm.shareStretch')} min={0} style={{ width: 160 }} />
                  </Form.Item>
                )}
                <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('action.delete')} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Space wrap>
              <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={units.length === 0}>
                {t('campaignForm.addShare')}
              </Button>
              {units.length === 0 && (
                <Typography.Text type="secondary">{t(list === 'districtShares' ? 'campaignForm.noDistrictsYet' : 'campaignForm.noMembersYet')}</Typography.Text>
              )}
              <ShareSum form={form} index={index} list={list} />
            </Space>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

function TargetCard({ form, index, onRemove, districts, departments }: { form: FormInstance; index: number; onRemove(): void; districts: Unit[]; departments: Unit[] }) {
  const { t, label } = useI18n();
  const kind = Form.useWatch(['targets', index, 'kind'], form) as string | undefined;
  return (
    <Card
      size="small"
      title={t('campaignForm.targetN', { n: index + 1 })}
      extra={
        <Button type="link" danger onClick={onRemove}>
          {t('action.delete')}
        </Button>
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name={[index, 'insuranceType']} label={t('campaign.insuranceType')} rules={[{ required: true, message: t('campaignForm.required') }]}>
            <Select options={INSURANCE_TYPES.map((v) => ({ value: v, label: label('insuranceType', v) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={[index, 'kind']} label={t('campaign.targetKind')} rules={[{ required: true, message: t('campaignForm.required') }]}>
            <Select options={TARGET_KINDS.map((v) => ({ value: v, label: label('targetKind', v) }))} />
          </Form.Item>
        </Col>
        {kind === 'persons' && (
          <Col xs={24} md={6}>
            <Form.Item name={[index, 'measure']} label={t('campaign.measure')} rules={[{ required: true, message: t('campaignForm.required') }]}>
              <Select options={PERSONS_MEASURES.map((v) => ({ value: v, label: label('personsMeasure', v) }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={6}>
          <Form.Item
            name={[index, 'value']}
            label={t(kind === 'funds' ? 'campaign.valueFunds' : kind === 'contribution_rate' ? 'campaign.valueRate' : 'campaign.valuePersons')}
            rules={[{ required: true, message: t('campaignForm.valueRequired') }]}
          >
            <InputNumber min={0} max={kind === 'contribution_rate' ? 100 : undefined} className="full-width" />
          </Form.Item>
        </Col>
        {kind === 'funds' && (
          <Col xs={24} md={6}>
            <Form.Item name={[index, 'stretch']} label={t('campaign.stretch')}>
              <InputNumber min={0} className="full-width" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <SharesList form={form} index={index} list="districtShares" units={districts} title={t('campaign.districtShares')} />
      <SharesList form={form} index={index} list="departmentShares" units={departments} title={t('campaign.departmentShares')} />
    </Card>
  );
}

/** Targets per insurance type, each with its district and department shares and their sums. */
export function TargetsFields({ form, districts, departments }: { form: FormInstance; districts: Unit[]; departments: Unit[] }) {
  const { t } = useI18n();
  return (
    <>
      <SectionTitle>{t('campaign.targets')}</SectionTitle>
      <Form.Item>
        <Form.List name="targets">
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" className="full-width">
              <Form.ErrorList errors={errors} />
              {fields.length === 0 && <Typography.Text type="secondary">{t('campaignForm.noTargets')}</Typography.Text>}
              {fields.map((field) => (
                <TargetCard key={field.key} form={form} index={field.name} onRemove={() => remove(field.name)} districts={districts} departments={departments} />
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', districtShares: [], departmentShares: [] })}
                data-testid="target-add"
              >
                {t('campaignForm.addTarget')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

// ---------------------------------------------------------------- leading group

function ContactFields({ name, what }: { name: NamePath; what: string }) {
  const { t } = useI18n();
  return (
    <Row gutter={8}>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'name']} label={t('campaignForm.contactName', { what })} rules={[{ required: true, whitespace: true, message: t('campaignForm.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'phone']} label={t('campaignForm.contactPhone', { what })}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'email']} label={t('campaignForm.contactEmail', { what })} rules={[{ type: 'email', message: t('campaignForm.emailInvalid') }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Chair, vice-chairs and member departments with their liaison and head. */
export function LeadingGroupFields({ departments }: { departments: Unit[] }) {
  const { t } = useI18n();
  const person = (name: NamePath, role: string) => (
    <Row gutter={8}>
      <Col xs={24} md={12}>
        <Form.Item name={[...name, 'name']} label={t('campaignForm.personName', { role })} rules={[{ required: true, whitespace: true, message: t('campaignForm.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[...name, 'title']} label={t('campaignForm.personTitle', { role })} rules={[{ required: true, whitespace: true, message: t('campaignForm.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
  return (
    <>
      <SectionTitle>{t('campaign.leadingGroup')}</SectionTitle>
      {person(['leadingGroup', 'chair'], t('campaign.chair'))}
      <Form.Item label={t('campaign.viceChairs')}>
        <Form.List name={['leadingGroup', 'viceChairs']}>
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" className="full-width">
              <Form.ErrorList errors={errors} />
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  extra={
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {t('action.delete')}
                    </Button>
                  }
                  title={t('campaignForm.viceChairN', { n: field.name + 1 })}
                >
                  {person([field.name], t('campaign.viceChair'))}
                </Card>
              ))}
              <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                {t('campaignForm.addViceChair')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('campaign.members')}>
        <Form.List name={['leadingGroup', 'members']}>
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" className="full-width">
              <Form.ErrorList errors={errors} />
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('campaignForm.memberN', { n: field.name + 1 })}
                  extra={
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {t('action.delete')}
                    </Button>
                  }
                >
                  <Form.Item name={[field.name, 'departmentId']} label={t('common.department')} rules={[{ required: true, message: t('campaignForm.unitRequired') }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={departments.map((d) => ({ value: d.id, label: t('campaign.parenthetical', { main: d.name, note: d.code }) }))}
                    />
                  </Form.Item>
                  <ContactFields name={[field.name, 'liaison']} what={t('campaign.liaison')} />
                  <ContactFields name={[field.name, 'head']} what={t('campaign.head')} />
                </Card>
              ))}
              <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ liaison: {}, head: {} })}>
                {t('campaignForm.addMember')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

// ---------------------------------------------------------------- escalation ladder

/** The reminder and the ladder's steps; `prefix` is ['escalationLadder'] in the campaign's body, [] in the ladder's own PUT. */
export function LadderFields({ prefix }: { prefix: NamePath }) {
  const { t, label } = useI18n();
  return (
    <>
      <SectionTitle>{t('campaign.escalationLadder')}</SectionTitle>
      <Form.Item name={[...prefix, 'reminderBefore', 'workingDays']} label={t('campaign.reminderBefore')} rules={[{ required: true, message: t('campaignForm.required') }]}>
        <InputNumber min={0} max={60} precision={0} style={{ width: 200 }} suffix={t('campaignForm.workingDays')} />
      </Form.Item>
      <Form.Item label={t('campaign.ladderSteps')}>
        <Form.List name={[...prefix, 'escalationLadder']}>
          {(fields, { add, remove }, { errors }) => (
            <Space orientation="vertical" className="full-width">
              <Form.ErrorList errors={errors} />
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item
                    name={[field.name, 'step']}
                    label={t('campaign.ladderStep')}
                    rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('campaignForm.stepPattern') }]}
                  >
                    <Input style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'after', 'workingDays']} label={t('campaign.ladderAfter')} rules={[{ required: true, message: t('campaignForm.required') }]}>
                    <InputNumber min={0} max={60} precision={0} style={{ width: 200 }} suffix={t('campaignForm.workingDays')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'notify']} label={t('campaign.ladderNotify')} rules={[{ required: true, message: t('campaignForm.notifyRequired') }]}>
                    <Select mode="multiple" style={{ minWidth: 260 }} options={NOTIFICATION_AUDIENCES.map((a) => ({ value: a, label: label('audience', a) }))} />
                  </Form.Item>
                  <Form.Item label=" " colon={false}>
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('action.delete')} onClick={() => remove(field.name)} />
                  </Form.Item>
                </Space>
              ))}
              <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ after: { workingDays: 0 }, notify: ['office'] })}>
                {t('campaignForm.addStep')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

// ---------------------------------------------------------------- phases and templates

type RouteValue = { kind?: TemplateRouteKind; key?: string };

function RouteInput({ value, onChange, matrix, id }: { value?: RouteValue; onChange?(value: RouteValue): void; matrix: MatrixRoute[]; id?: string }) {
  const { t, label } = useI18n();
  const kind = value?.kind;
  const keyed = kind === 'function' || kind === 'sector';
  return (
    <Space wrap id={id}>
      <Select<TemplateRouteKind>
        aria-label={t('campaign.routeKind')}
        style={{ width: 180 }}
        value={kind}
        onChange={(next) => onChange?.({ kind: next, key: next === 'function' || next === 'sector' ? matrix.find((r) => r.kind === next)?.key : undefined })}
        options={(['function', 'sector', 'focus_sectors', 'district'] as const).map((k) => ({ value: k, label: label('routeKind', k) }))}
      />
      {keyed && (
        <Select
          aria-label={t('campaign.routeKey')}
          style={{ width: 280 }}
          showSearch
          optionFilterProp="label"
          value={value?.key}
          onChange={(key: string) => onChange?.({ kind, key })}
          options={matrix.filter((r) => r.kind === kind).map((r) => ({ value: r.key, label: r.departmentName ? `${r.label} → ${r.departmentName}` : r.label }))}
        />
      )}
    </Space>
  );
}

type DueValue = { at?: string; workingDaysAfterLaunch?: number };

function DueInput({ value, onChange, id }: { value?: DueValue; onChange?(value: DueValue): void; id?: string }) {
  const { t } = useI18n();
  const fixed = value?.at !== undefined;
  return (
    <Space wrap id={id}>
      <Radio.Group
        aria-label={t('campaign.due')}
        value={fixed ? 'at' : 'days'}
        onChange={(e) => onChange?.(e.target.value === 'at' ? { at: '' } : { workingDaysAfterLaunch: 5 })}
        options={[
          { value: 'days', label: t('campaignForm.dueDays') },
          { value: 'at', label: t('campaignForm.dueAt') },
        ]}
      />
      {fixed ? (
        <DatePicker
          aria-label={t('campaignForm.dueAt')}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          {...instantText.getValueProps(value?.at || undefined)}
          onChange={(d) => onChange?.({ at: instantText.normalize(d) ?? '' })}
        />
      ) : (
        <InputNumber
          aria-label={t('campaignForm.dueDays')}
          min={1}
          max={250}
          precision={0}
          style={{ width: 200 }}
          value={value?.workingDaysAfterLaunch}
          onChange={(n) => onChange?.({ workingDaysAfterLaunch: n ?? undefined })}
          suffix={t('campaignForm.workingDaysAfterLaunch')}
        />
      )}
    </Space>
  );
}

/** The templates of one phase: what each duty asks, who answers, once or per district, when due. */
function TemplatesFields({ name, matrix }: { name: NamePath; matrix: MatrixRoute[] }) {
  const { t, label } = useI18n();
  return (
    <Form.Item label={t('campaign.templates')}>
      <Form.List name={[...name, 'templates']}>
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" className="full-width">
            <Form.ErrorList errors={errors} />
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                title={t('campaignForm.templateN', { n: field.name + 1 })}
                extra={
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('action.delete')}
                  </Button>
                }
              >
                <Form.Item name={[field.name, 'title']} label={t('campaign.templateTitle')} rules={[{ required: true, whitespace: true, message: t('campaignForm.required') }]}>
                  <Input maxLength={180} />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} label={t('campaign.templateDescription')}>
                  <Input.TextArea rows={2} maxLength={10000} />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} lg={14}>
                    <Form.Item name={[field.name, 'route']} label={t('campaign.route')} rules={[{ required: true, message: t('campaignForm.required') }]}>
                      <RouteInput matrix={matrix} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} lg={10}>
                    <Form.Item name={[field.name, 'scope']} label={t('campaign.scope')} rules={[{ required: true, message: t('campaignForm.required') }]}>
                      <Radio.Group options={(['once', 'per_district'] as const).map((s) => ({ value: s, label: label('templateScope', s) }))} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name={[field.name, 'due']} label={t('campaign.due')} rules={[{ required: true, message: t('campaignForm.required') }]}>
                  <DueInput />
                </Form.Item>
              </Card>
            ))}
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add(newTemplate(matrix, ''))}>
              {t('campaignForm.addTemplate')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** A template that routes by a function of the matrix (registration when the matrix has it), due five working days after the launch. */
export function newTemplate(matrix: MatrixRoute[], title: string) {
  const fn = matrix.find((r) => r.kind === 'function' && r.key === 'registration') ?? matrix.find((r) => r.kind === 'function');
  return { title, description: '', route: fn ? { kind: 'function', key: fn.key } : { kind: 'district' }, scope: fn ? 'once' : 'per_district', due: { workingDaysAfterLaunch: 5 } };
}

/**
 * One phase: kind, name, window, focus sectors (special operations) and templates. `name` is
 * the path relative to the enclosing list ([index] in the campaign's phases, [] for a phase's
 * own form), `path` the absolute one (to watch values).
 */
export function PhaseFields({ form, name, path, matrix, kindLocked }: { form: FormInstance; name: NamePath; path: NamePath; matrix: MatrixRoute[]; kindLocked?: boolean }) {
  const { t, label } = useI18n();
  const kind = Form.useWatch([...path, 'kind'], form) as string | undefined;
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'kind']} label={t('campaign.phaseKind')} rules={[{ required: true, message: t('campaignForm.required') }]}>
            <Select disabled={kindLocked} options={PHASE_KINDS.map((k) => ({ value: k, label: label('phaseKind', k) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[...name, 'name']} label={t('campaign.phaseName')} rules={[{ required: true, whitespace: true, message: t('campaignForm.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'window', 'start']} label={t('campaign.windowStart')} rules={[{ required: true, message: t('campaignForm.required') }]} {...dateText}>
            <DatePicker className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'window', 'end']} label={t('campaign.windowEnd')} rules={[{ required: true, message: t('campaignForm.required') }]} {...dateText}>
            <DatePicker className="full-width" />
          </Form.Item>
        </Col>
        {kind === 'special_operation' && (
          <Col xs={24} md={8}>
            <Form.Item name={[...name, 'focusSectors']} label={t('campaign.focusSectors')}>
              <Select mode="multiple" optionFilterProp="label" options={matrix.filter((r) => r.kind === 'sector').map((r) => ({ value: r.key, label: r.label }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <TemplatesFields name={name} matrix={matrix} />
    </>
  );
}

/** The phase as the API takes it: focus sectors only for special operations. */
export function cleanPhase(phase: any) {
  const out = cleanBody({ ...phase, templates: phase.templates ?? [] });
  if (out.kind !== 'special_operation') delete out.focusSectors;
  return out;
}

import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { ExportButtons } from '../../components/ExportButtons';
import { FilterSelect } from '../../components/FilterSelect';
import { formatDateTime } from '../../components/format';
import { useApiGet } from '../../components/useApiGet';
import { useI18n } from '../../i18n/i18n';
import { ImportDialog, ImportStatus, ReasonDialog, RowErrors } from './shared';
import { UNIT_KINDS, type UnitKind } from '@duban/domain';
import type { Department, DepartmentImportAnswer, DepartmentImportRow } from '@duban/contracts';

type Dialog = { kind: 'create' } | { kind: 'import' } | { kind: 'edit'; unit: Department } | { kind: 'deactivate' | 'reactivate'; unit: Department };

/**
 * Departments, districts and inspection teams, a tab each: the people the ladder mails (liaison,
 * head), deactivation (no new duties), and the import of a spreadsheet with a dry run.
 */
export function DepartmentsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = (UNIT_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as UnitKind) : 'department';
  const active = params.get('active') ?? undefined;
  const q = params.get('q') ?? undefined;
  const query = { kind, active, q };
  const list = useApiGet<Department[]>('/departments', query);
  // The districts a team answers for are named, so all districts are needed on the teams' tab.
  const districts = useApiGet<Department[]>(kind === 'inspection_team' ? '/departments' : null, { kind: 'district' });
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.id, d.name])), [districts.data]);
  const [search, setSearch] = useState(q ?? '');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const close = () => setDialog(null);
  const changed = (text: string) => {
    void message.success(text);
    close();
    list.reload();
  };

  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="departments-page">
      <Typography.Title level={1} className="page-title">
        {t('units.title')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={kind}
          onChange={(key) => setParam('kind', key)}
          items={UNIT_KINDS.map((k) => ({ key: k, label: <span data-testid={`units-tab-${k}`}>{t(`units.tab.${k}`)}</span> }))}
        />
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Space wrap>
              <FilterSelect
                label={t('users.state')}
                value={active}
                onChange={(v) => setParam('active', v)}
                options={[
                  { value: 'true', label: t('users.active') },
                  { value: 'false', label: t('users.deactivated') },
                ]}
              />
              <Input.Search
                aria-label={t('units.search')}
                placeholder={t('units.search')}
                allowClear
                className="filter-select-wide"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(value) => setParam('q', value.trim() || undefined)}
              />
            </Space>
            <Space wrap>
              <ExportButtons path="/departments" query={query} name="departments" />
              <Button onClick={() => setDialog({ kind: 'import' })} data-testid="units-import">
                {t('units.import')}
              </Button>
              <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="unit-create">
                {t(`units.create.${kind}`)}
              </Button>
            </Space>
          </Space>
          {list.error != null && (
            <Typography.Text type="danger" role="alert">
              {errorText(list.error, t)}
            </Typography.Text>
          )}
          <Table<Department>
            rowKey="id"
            size="middle"
            data-testid="units-table"
            loading={list.loading}
            dataSource={list.data ?? []}
            scroll={{ x: 1300 }}
            pagination={{ showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], defaultPageSize: 20, showTotal: (total) => t('common.total', { total }) }}
            columns={[
              { title: t('units.code'), dataIndex: 'code', fixed: 'left', width: 120 },
              { title: t('units.name'), dataIndex: 'name', width: 200 },
              { title: t('units.liaison'), key: 'liaison', width: 240, render: (_, u) => <Person name={u.liaisonName} email={u.liaisonEmail} phone={u.liaisonPhone} /> },
              { title: t('units.head'), key: 'head', width: 240, render: (_, u) => <Person name={u.headName} email={u.headEmail} phone={u.headPhone} /> },
              ...(kind === 'inspection_team'
                ? [
                    {
                      title: t('units.districts'),
                      key: 'districts',
                      width: 200,
                      render: (_: unknown, u: Department) =>
                        u.districtIds?.length ? u.districtIds.map((id) => districtName.get(id) ?? id).join(t('compliance.listSeparator')) : t('units.cityWide'),
                    },
                  ]
                : []),
              {
                title: t('users.state'),
                key: 'state',
                width: 110,
                render: (_, u) => (u.active === false ? <Tag color="default">{t('users.deactivated')}</Tag> : <Tag color="success">{t('users.active')}</Tag>),
              },
              { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (at: string | null | undefined) => formatDateTime(at) },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                width: 170,
                render: (_, u) => (
                  <Space wrap size={4}>
                    <Button size="small" onClick={() => setDialog({ kind: 'edit', unit: u })}>
                      {t('action.edit')}
                    </Button>
                    {u.active === false ? (
                      <Button size="small" onClick={() => setDialog({ kind: 'reactivate', unit: u })}>
                        {t('users.reactivate')}
                      </Button>
                    ) : (
                      <Button size="small" danger onClick={() => setDialog({ kind: 'deactivate', unit: u })}>
                        {t('users.deactivate')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      {dialog?.kind === 'create' && <UnitDialog kind={kind} districts={districts.data ?? []} onSaved={() => changed(t('common.saved'))} onClose={close} />}
      {dialog?.kind === 'edit' && <UnitDialog kind={kind} unit={dialog.unit} districts={districts.data ?? []} onSaved={() => changed(t('common.saved'))} onClose={close} />}
      {(dialog?.kind === 'deactivate' || dialog?.kind === 'reactivate') && (
        <ReasonDialog<Department>
          title={t(`units.${dialog.kind}Title`, { name: `${dialog.unit.name} (${dialog.unit.code})` })}
          warning={dialog.kind === 'deactivate' ? t('units.deactivateWarning') : undefined}
          confirm={t(`users.${dialog.kind}`)}
          danger={dialog.kind === 'deactivate'}
          path={`/departments/${dialog.unit.id}/${dialog.kind}`}
          onDone={() => changed(t(`units.${dialog.kind}Done`))}
          onClose={close}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog<DepartmentImportRow, DepartmentImportAnswer>
          title={t('units.import')}
          hint={t('units.importHint')}
          path="/departments/import"
          counts={(a) => [
            { label: t('importRow.created'), value: a.created },
            { label: t('importRow.updated'), value: a.updated },
            { label: t('importRow.unchanged'), value: a.unchanged },
            { label: t('importRow.refused'), value: a.refused },
          ]}
          columns={[
            { title: t('admin.row'), dataIndex: 'row', width: 70 },
            { title: t('units.code'), dataIndex: 'code', width: 140 },
            { title: t('common.state'), dataIndex: 'status', width: 110, render: (s: string) => <ImportStatus status={s} /> },
            { title: t('admin.rowDetail'), key: 'detail', render: (_, r) => <RowErrors errors={r.errors} /> },
          ]}
          onImported={() => list.reload()}
          onClose={close}
        />
      )}
    </Space>
  );
}

function Person({ name, email, phone }: { name?: string | null; email?: string | null; phone?: string | null }) {
  return (
    <Space orientation="vertical" size={0}>
      {name && <Typography.Text>{name}</Typography.Text>}
      {email && <Typography.Text type="secondary">{email}</Typography.Text>}
      {phone && <Typography.Text type="secondary">{phone}</Typography.Text>}
    </Space>
  );
}

interface UnitValues {
  code: string;
  name: string;
  liaisonName?: string;
  liaisonEmail: string;
  liaisonPhone?: string;
  headName?: string;
  headEmail: string;
  headPhone?: string;
  districtIds?: string[];
  reason?: string;
}

/** Registers a unit of the tab's kind, or edits one (code and kind never change; a reason is required). */
function UnitDialog({ kind, unit, districts, onSaved, onClose }: { kind: UnitKind; unit?: Department; districts: Department[]; onSaved(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UnitValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const editing = unit !== undefined;
  const submit = async () => {
    let values: UnitValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    const text = (v: string | undefined) => v?.trim() || undefined;
    try {
      if (unit) {
        // Only what changed; an emptied name or phone is removed (null).
        const body: Record<string, unknown> = { reason: values.reason?.trim() };
        const compare = (key: keyof UnitValues & keyof Department, nullable: boolean) => {
          const now = text(values[key] as string | undefined) ?? null;
          const before = (unit[key] as string | null | undefined) ?? null;
          if (now !== before && (now !== null || nullable)) body[key] = now;
        };
        compare('name', false);
        compare('liaisonName', true);
        compare('liaisonEmail', false);
        compare('liaisonPhone', true);
        compare('headName', true);
        compare('headEmail', false);
        compare('headPhone', true);
        if (kind === 'inspection_team' && JSON.stringify([...(values.districtIds ?? [])].sort()) !== JSON.stringify([...(unit.districtIds ?? [])].sort()))
          body.districtIds = values.districtIds ?? [];
        await api.patch<Department>(`/departments/${unit.id}`, body);
      } else {
        await api.post<Department>('/departments', {
          code: values.code.trim(),
          name: values.name.trim(),
          kind,
          liaisonEmail: values.liaisonEmail.trim(),
          headEmail: values.headEmail.trim(),
          liaisonName: text(values.liaisonName),
          liaisonPhone: text(values.liaisonPhone),
          headName: text(values.headName),
          headPhone: text(values.headPhone),
          ...(kind === 'inspection_team' ? { districtIds: values.districtIds ?? [] } : {}),
          reason: text(values.reason),
        });
      }
      onSaved();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Modal
      open
      width={760}
      title={unit ? t('units.editTitle', { name: `${unit.name} (${unit.code})` }) : t(`units.create.${kind}`)}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ 'data-testid': 'unit-save' }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="unit-error" />}
      <Form
        form={form}
        layout="vertical"
        name="unit"
        initialValues={
          unit
            ? {
                code: unit.code,
                name: unit.name,
                liaisonName: unit.liaisonName ?? '',
                liaisonEmail: unit.liaisonEmail,
                liaisonPhone: unit.liaisonPhone ?? '',
                headName: unit.headName ?? '',
                headEmail: unit.headEmail,
                headPhone: unit.headPhone ?? '',
                districtIds: unit.districtIds ?? [],
              }
            : { districtIds: [] }
        }
      >
        <div className="form-grid">
          <Form.Item name="code" label={t('units.code')} rules={required(t('units.codeRequired'))} extra={editing ? t('units.codeFixed') : t('units.codeHint')}>
            <Input disabled={editing} autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('units.name')} rules={required(t('units.nameRequired'))}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="liaisonName" label={t('units.liaisonName')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="liaisonEmail" label={t('units.liaisonEmail')} rules={required(t('units.emailRequired'))}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item name="liaisonPhone" label={t('units.liaisonPhone')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="headName" label={t('units.headName')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="headEmail" label={t('units.headEmail')} rules={required(t('units.emailRequired'))}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item name="headPhone" label={t('units.headPhone')}>
            <Input autoComplete="off" />
          </Form.Item>
        </div>
        {kind === 'inspection_team' && (
          <Form.Item name="districtIds" label={t('units.districts')} extra={t('units.districtsHint')}>
            <Select mode="multiple" optionFilterProp="label" options={districts.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={editing ? t('common.reason') : t('users.createReason')} rules={editing ? required(t('admin.reasonRequired')) : []}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

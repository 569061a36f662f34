import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Radio, Select, Space, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { ROLES, unitKindForRole } from '@duban/domain';
import { api } from '../../api/client';
import type { Role } from '../../api/types';
import type { Department } from '@duban/contracts';
import { useMe } from '../../auth/session';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { ExportButtons } from '../../components/ExportButtons';
import { FilterSelect } from '../../components/FilterSelect';
import { formatDateTime } from '../../components/format';
import { ServerTable } from '../../components/ServerTable';
import { useApiGet } from '../../components/useApiGet';
import { useServerTable } from '../../components/useServerTable';
import { useI18n } from '../../i18n/i18n';
import { DownloadButton, ImportDialog, ImportStatus, OneTimePassword, ReasonDialog, RowErrors, downloadCsv } from './shared';
import type { CreatedUser, PasswordDelivery, PasswordResetAnswer, UserAdminView, UserImportAnswer, UserImportRowResult } from '@duban/contracts';

type Dialog =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'edit'; user: UserAdminView }
  | { kind: 'deactivate' | 'reactivate' | 'unlock'; user: UserAdminView }
  | { kind: 'reset'; user: UserAdminView };

/** The administrator's list of users: filters, paging, downloads, and every change to an account. */
export function UsersPage() {
  const { t, label } = useI18n();
  const me = useMe();
  const table = useServerTable<UserAdminView>('/users');
  const units = useApiGet<Department[]>('/departments');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [search, setSearch] = useState(table.filters.q ?? '');
  const set = (key: string, value: string | undefined) => table.setFilters({ ...table.filters, [key]: value });
  const close = () => setDialog(null);
  const changed = (text: string) => {
    void message.success(text);
    close();
    table.reload();
  };

  return (
    <Space orientation="vertical" size="middle" className="page" data-testid="users-page">
      <Typography.Title level={1} className="page-title">
        {t('users.title')}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" className="full-width">
          <Space wrap className="toolbar">
            <Space wrap>
              <FilterSelect
                label={t('user.role')}
                value={table.filters.role}
                onChange={(v) => set('role', v)}
                options={ROLES.map((r) => ({ value: r, label: label('role', r) }))}
              />
              <FilterSelect
                label={t('user.department')}
                value={table.filters.departmentId}
                onChange={(v) => set('departmentId', v)}
                options={(units.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                searchable
              />
              <FilterSelect
                label={t('users.state')}
                value={table.filters.active}
                onChange={(v) => set('active', v)}
                options={[
                  { value: 'true', label: t('users.active') },
                  { value: 'false', label: t('users.deactivated') },
                ]}
              />
              <Input.Search
                aria-label={t('users.search')}
                placeholder={t('users.search')}
                allowClear
                className="filter-select-wide"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onSearch={(value) => set('q', value.trim() || undefined)}
                data-testid="users-search"
              />
            </Space>
            <Space wrap>
              <ExportButtons path="/users" query={table.query} name="users" />
              <Button onClick={() => setDialog({ kind: 'import' })} data-testid="users-import">
                {t('users.import')}
              </Button>
              <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
                {t('users.create')}
              </Button>
            </Space>
          </Space>
          <ServerTable<UserAdminView>
            table={table}
            rowKey="id"
            data-testid="users-table"
            scroll={{ x: 1400 }}
            columns={[
              { title: t('login.username'), dataIndex: 'username', fixed: 'left', width: 170 },
              { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
              { title: t('user.role'), dataIndex: 'role', width: 150, render: (role: Role) => label('role', role) },
              { title: t('user.department'), key: 'department', width: 180, render: (_, u) => u.department?.name ?? '—' },
              { title: t('users.email'), dataIndex: 'email', width: 200, render: (v: string | null) => v ?? '—' },
              { title: t('users.phone'), dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
              { title: t('users.state'), key: 'state', width: 200, render: (_, u) => <UserStateTags user={u} /> },
              { title: t('common.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                width: 330,
                render: (_, u) => (
                  <Space wrap size={4} data-testid={`user-actions-${u.username}`}>
                    <Button size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                      {t('action.edit')}
                    </Button>
                    <Button size="small" disabled={!u.active} onClick={() => setDialog({ kind: 'reset', user: u })}>
                      {t('users.resetPassword')}
                    </Button>
                    {u.locked && (
                      <Button size="small" onClick={() => setDialog({ kind: 'unlock', user: u })}>
                        {t('users.unlock')}
                      </Button>
                    )}
                    {u.active ? (
                      <Button size="small" danger disabled={u.id === me.id} onClick={() => setDialog({ kind: 'deactivate', user: u })}>
                        {t('users.deactivate')}
                      </Button>
                    ) : (
                      <Button size="small" disabled={u.id === me.id} onClick={() => setDialog({ kind: 'reactivate', user: u })}>
                        {t('users.reactivate')}
                      </Button>
                    )}
                    <Link to={`/audit-log?targetId=${u.id}`}>{t('users.history')}</Link>
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      {dialog?.kind === 'create' && <CreateUserDialog units={units.data ?? []} onCreated={() => table.reload()} onClose={close} />}
      {dialog?.kind === 'edit' && <EditUserDialog user={dialog.user} units={units.data ?? []} onSaved={() => changed(t('common.saved'))} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onDone={() => table.reload()} onClose={close} />}
      {(dialog?.kind === 'deactivate' || dialog?.kind === 'reactivate' || dialog?.kind === 'unlock') && (
        <ReasonDialog<UserAdminView>
          title={t(`users.${dialog.kind}Title`, { name: `${dialog.user.displayName} (${dialog.user.username})` })}
          warning={dialog.kind === 'deactivate' ? t('users.deactivateWarning') : undefined}
          confirm={t(`users.${dialog.kind}`)}
          danger={dialog.kind === 'deactivate'}
          path={`/users/${dialog.user.id}/${dialog.kind}`}
          onDone={() => changed(t(`users.${dialog.kind}Done`))}
          onClose={close}
        />
      )}
      {dialog?.kind === 'import' && <ImportUsersDialog onImported={() => table.reload()} onClose={close} />}
    </Space>
  );
}

function UserStateTags({ user }: { user: UserAdminView }) {
  const { t } = useI18n();
  return (
    <Space wrap size={4}>
      {user.active ? <Tag color="success">{t('users.active')}</Tag> : <Tag color="default">{t('users.deactivated')}</Tag>}
      {user.locked && <Tag color="error">{t('users.locked')}</Tag>}
      {user.mustChangePassword && user.active && <Tag color="warning">{t('users.mustChange')}</Tag>}
      {!user.hasLocalPassword && <Tag color="processing">{t('users.ssoOnly')}</Tag>}
    </Space>
  );
}

/** The units a role's users may belong to (none for the office, viewers, administrators). */
function unitOptions(units: Department[], role: Role | undefined, label: ReturnType<typeof useI18n>['label']) {
  const kinds = role ? unitKindForRole(role) : null;
  if (!kinds) return [];
  return units
    .filter((u) => kinds.includes(u.kind as 'department') && u.active !== false)
    .map((u) => ({ value: u.id, label: `${u.name} · ${label('unitKindName', u.kind)}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string;
  email?: string;
  phone?: string;
  reason?: string;
  delivery?: PasswordDelivery;
}

function UserFields({ form, units, editing }: { form: ReturnType<typeof Form.useForm<UserFormValues>>[0]; units: Department[]; editing: boolean }) {
  const { t, label } = useI18n();
  const role = Form.useWatch('role', form);
  const options = useMemo(() => unitOptions(units, role, label), [units, role, label]);
  const needsUnit = role ? unitKindForRole(role) !== null : false;
  return (
    <div className="form-grid">
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}
        extra={editing ? undefined : t('users.usernameHint')}
      >
        <Input autoComplete="off" disabled={editing} />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: label('role', r) }))} onChange={() => form.setFieldValue('departmentId', undefined)} data-testid="user-role" />
      </Form.Item>
      {needsUnit && (
        <Form.Item name="departmentId" label={t('user.department')} rules={[{ required: true, message: t('users.unitRequired') }]}>
          <Select showSearch optionFilterProp="label" options={options} data-testid="user-unit" />
        </Form.Item>
      )}
      <Form.Item name="email" label={t('users.email')}>
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('users.phone')}>
        <Input autoComplete="off" />
      </Form.Item>
    </div>
  );
}

function CreateUserDialog({ units, onCreated, onClose }: { units: Department[]; onCreated(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const submit = async () => {
    let values: UserFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const body = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        ...(values.departmentId ? { departmentId: values.departmentId } : {}),
        ...(values.email?.trim() ? { email: values.email.trim() } : {}),
        ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        delivery: values.delivery ?? 'one_time_password',
      };
      setCreated(await api.post<CreatedUser>('/users', body));
      onCreated();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={t('users.create')}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!created}
      footer={
        created ? (
          <Button type="primary" onClick={onClose} data-testid="user-created-close">
            {t('users.oneTimeNoted')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="user-create-confirm">
              {t('users.createConfirm')}
            </Button>
          </Space>
        )
      }
    >
      {created ? (
        <Space orientation="vertical" className="full-width" data-testid="user-created">
          <Typography.Paragraph>{t('users.created', { name: created.user.displayName })}</Typography.Paragraph>
          {created.oneTimePassword ? (
            <OneTimePassword username={created.user.username} password={created.oneTimePassword} />
          ) : (
            <Alert
              type="success"
              showIcon
              title={t('users.linkSent', { email: created.emailedTo ?? '', until: formatDateTime(created.expiresAt) })}
              data-testid="user-created-link"
            />
          )}
        </Space>
      ) : (
        <>
          {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="user-create-error" />}
          <Form form={form} layout="vertical" name="user-create" initialValues={{ delivery: 'one_time_password' }}>
            <UserFields form={form} units={units} editing={false} />
            <Form.Item name="delivery" label={t('users.firstPassword')}>
              <Radio.Group
                options={[
                  { value: 'one_time_password', label: t('users.delivery.one_time_password') },
                  { value: 'email_link', label: t('users.delivery.email_linkNew') },
                ]}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('users.createReason')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

function EditUserDialog({ user, units, onSaved, onClose }: { user: UserAdminView; units: Department[]; onSaved(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    let values: UserFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    // Only what changed is sent: a role or unit change ends the user's sessions, an unchanged one must not.
    const body: Record<string, unknown> = { reason: values.reason?.trim() };
    if (values.displayName.trim() !== user.displayName) body.displayName = values.displayName.trim();
    if (values.role !== user.role) body.role = values.role;
    const unit = values.departmentId ?? null;
    if (unit !== user.departmentId) body.departmentId = unit;
    const email = values.email?.trim() || null;
    if (email !== user.email) body.email = email;
    const phone = values.phone?.trim() || null;
    if (phone !== user.phone) body.phone = phone;
    try {
      await api.patch<UserAdminView>(`/users/${user.id}`, body);
      onSaved();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={t('users.editTitle', { name: user.username })}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ 'data-testid': 'user-edit-confirm' }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="user-edit-error" />}
      <Typography.Paragraph type="secondary">{t('users.editHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="user-edit"
        initialValues={{
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          departmentId: user.departmentId ?? undefined,
          email: user.email ?? '',
          phone: user.phone ?? '',
        }}
      >
        <UserFields form={form} units={units} editing />
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordDialog({ user, onDone, onClose }: { user: UserAdminView; onDone(): void; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ delivery: PasswordDelivery; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [answer, setAnswer] = useState<PasswordResetAnswer | null>(null);
  const submit = async () => {
    let values: { delivery: PasswordDelivery; reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      setAnswer(await api.post<PasswordResetAnswer>(`/users/${user.id}/password-reset`, { delivery: values.delivery, reason: values.reason.trim() }));
      onDone();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('users.resetTitle', { name: `${user.displayName} (${user.username})` })}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!answer}
      footer={
        answer ? (
          <Button type="primary" onClick={onClose}>
            {t('users.oneTimeNoted')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="reset-confirm">
              {t('users.resetPassword')}
            </Button>
          </Space>
        )
      }
    >
      {answer ? (
        'oneTimePassword' in answer ? (
          <OneTimePassword username={user.username} password={answer.oneTimePassword} />
        ) : (
          <Alert type="success" showIcon title={t('users.linkSent', { email: answer.emailedTo, until: formatDateTime(answer.expiresAt) })} data-testid="reset-link-sent" />
        )
      ) : (
        <>
          <Typography.Paragraph>{t('users.resetWarning')}</Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" data-testid="reset-error" />}
          <Form form={form} layout="vertical" name="password-reset" initialValues={{ delivery: 'one_time_password' }}>
            <Form.Item name="delivery" label={t('users.delivery')}>
              <Radio.Group
                options={[
                  { value: 'one_time_password', label: t('users.delivery.one_time_password') },
                  { value: 'email_link', label: user.email ? t('users.delivery.email_link', { email: user.email }) : t('users.delivery.noEmail'), disabled: !user.email },
                ]}
              />
            </Form.Item>
            <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('admin.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

function ImportUsersDialog({ onImported, onClose }: { onImported(): void; onClose(): void }) {
  const { t } = useI18n();
  const [delivery, setDelivery] = useState<PasswordDelivery>('one_time_password');
  return (
    <ImportDialog<UserImportRowResult, UserImportAnswer>
      title={t('users.import')}
      hint={t('users.importHint')}
      path="/users/import"
      extraQuery={{ delivery }}
      options={
        <Radio.Group
          aria-label={t('users.delivery')}
          value={delivery}
          onChange={(e) => setDelivery(e.target.value as PasswordDelivery)}
          options={[
            { value: 'one_time_password', label: t('users.importDelivery.one_time_password') },
            { value: 'email_link', label: t('users.importDelivery.email_link') },
          ]}
        />
      }
      counts={(a) => [
        { label: t('importRow.created'), value: a.created },
        { label: t('importRow.existing'), value: a.existing },
        { label: t('importRow.refused'), value: a.refused },
      ]}
      columns={[
        { title: t('admin.row'), dataIndex: 'row', width: 70 },
        { title: t('login.username'), dataIndex: 'username', width: 180 },
        { title: t('common.state'), dataIndex: 'status', width: 110, render: (s: string) => <ImportStatus status={s} /> },
        {
          title: t('admin.rowDetail'),
          key: 'detail',
          render: (_, r) =>
            r.errors ? (
              <RowErrors errors={r.errors} />
            ) : r.oneTimePassword ? (
              <Typography.Text code copyable data-testid="row-one-time-password">
                {r.oneTimePassword}
              </Typography.Text>
            ) : r.emailedTo ? (
              t('users.importEmailed', { email: r.emailedTo })
            ) : (
              ''
            ),
        },
      ]}
      afterImport={(a) => {
        const withPasswords = a.rows.filter((r) => r.oneTimePassword);
        if (withPasswords.length === 0) return null;
        return (
          <Space orientation="vertical">
            <Alert type="warning" showIcon title={t('users.importPasswordsOnce')} />
            <DownloadButton
              onClick={() =>
                downloadCsv(
                  'one-time-passwords.csv',
                  ['username', 'one_time_password'],
                  withPasswords.map((r) => [r.username, r.oneTimePassword!]),
                )
              }
            >
              {t('users.importDownloadPasswords')}
            </DownloadButton>
          </Space>
        );
      }}
      onImported={onImported}
      onClose={onClose}
    />
  );
}

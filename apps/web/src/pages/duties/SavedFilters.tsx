// Filters saved by name (GET/POST/DELETE /saved-filters): the caller's own and those shared with
// everyone of the caller's role. Choosing one puts its query parameters in the URL.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Typography, message } from 'antd';
import { api, request } from '../../api/client';
import { apiQuery, invalidate, queryKeys } from '../../api/query-keys';
import { applyFieldErrors, errorText } from '../../components/api-errors';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { SavedFilterAnswer as SavedFilter, SavedFilterList } from '@duban/contracts';

interface Props {
  view: 'duty-board' | 'overdue';
  filters: Record<string, string>;
  setFilters(next: Record<string, string>): void;
}

/** The query parameters a saved filter holds and compares on (paging is not a filter). */
function comparable(filters: Record<string, string>): string {
  return JSON.stringify(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
}

export function SavedFilters({ view, filters, setFilters }: Props) {
  const { t, label } = useI18n();
  const { me } = useSession();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const list = useQuery(apiQuery<SavedFilterList>('/saved-filters', { view }));
  const items = list.data?.items ?? [];
  const loadError = list.error;
  const [saving, setSaving] = useState(false);
  const [dialog, setDialog] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // After a filter is saved or deleted the saved-filter lists are asked again.
  const load = () => invalidate(queryClient, [queryKeys.under('/saved-filters')]);

  // The saved filter the URL matches now, if any.
  const current = items.find((item) => comparable(item.filters) === comparable(filters));

  const save = async () => {
    let values: { name: string; shared?: boolean };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setFailure(null);
    const existed = items.some((item) => item.mine && item.name === values.name.trim());
    try {
      const saved = await api.post<SavedFilter>('/saved-filters', { view, name: values.name, filters, shared: values.shared === true });
      void message.success(t(existed ? 'savedFilter.replaced' : 'savedFilter.saved', { name: saved.name }));
      setDialog(false);
      await load();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, t);
      setFailure(unplaced.length ? unplaced.join('; ') : errorText(error, t));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (item: SavedFilter) => {
    try {
      await request('DELETE', `/saved-filters/${item.id}`);
      void message.success(t('savedFilter.deleted', { name: item.name }));
      await load();
    } catch (error) {
      void message.error(errorText(error, t));
      await load();
    }
  };

  const mine = items.filter((item) => item.mine);
  const shared = items.filter((item) => !item.mine);
  const optionOf = (item: SavedFilter) => ({
    value: item.id,
    label: item.mine ? item.name : t('savedFilter.sharedBy', { name: item.name, owner: item.owner.username ?? '' }),
  });

  return (
    <Space wrap>
      <Select
        aria-label={t('savedFilter.label')}
        data-testid="saved-filter-select"
        className="filter-select-wide"
        placeholder={t('savedFilter.placeholder')}
        value={current?.id ?? null}
        onChange={(id: string) => {
          const chosen = items.find((item) => item.id === id);
          if (chosen) setFilters(chosen.filters);
        }}
        options={[
          ...(mine.length ? [{ label: t('savedFilter.mine'), options: mine.map(optionOf) }] : []),
          ...(shared.length ? [{ label: t('savedFilter.shared'), options: shared.map(optionOf) }] : []),
        ]}
        notFoundContent={t('common.empty')}
      />
      {current?.mayDelete && (
        <Popconfirm title={t('savedFilter.deleteConfirm', { name: current.name })} onConfirm={() => remove(current)} okText={t('action.delete')} cancelText={t('action.cancel')}>
          <Button icon={<DeleteOutlined />} aria-label={t('savedFilter.delete')} title={t('savedFilter.delete')} data-testid="delete-filter" />
        </Popconfirm>
      )}
      <Button
        icon={<SaveOutlined />}
        data-testid="save-filter"
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({ name: current?.mine ? current.name : '', shared: current?.mine ? current.sharedWithRole !== null : false });
          setFailure(null);
          setDialog(true);
        }}
      >
        {t('savedFilter.save')}
      </Button>
      {loadError != null && (
        <Typography.Text type="danger" role="alert">
          {t('savedFilter.loadFailed', { message: errorText(loadError, t) })}
        </Typography.Text>
      )}
      <Modal
        open={dialog}
        title={t('savedFilter.saveTitle')}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setDialog(false)}
        destroyOnHidden
      >
        {failure && <Alert type="error" showIcon title={failure} className="form-alert" role="alert" />}
        {Object.keys(filters).length === 0 && <Alert type="info" showIcon title={t('savedFilter.noFilters')} className="form-alert" />}
        <Form form={form} layout="vertical" name="save-filter">
          <Form.Item name="name" label={t('savedFilter.name')} rules={[{ required: true, whitespace: true, message: t('savedFilter.nameRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t('savedFilter.shareWithRole', { role: label('role', me?.role) })}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

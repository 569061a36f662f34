import { Table, Typography, type TableProps } from 'antd';
import { useI18n } from '../i18n/i18n';
import { errorText } from './api-errors';
import type { useServerTable } from './useServerTable';

type ServerTableState<T> = Pick<ReturnType<typeof useServerTable<T>>, 'data' | 'loading' | 'error' | 'pagination'>;

/**
 * A list paged on the server: one page of rows from useServerTable, the API's total, and what
 * went wrong said above the table rather than an empty list that looks like "nothing here".
 */
export function ServerTable<T extends object>({ table, ...props }: { table: ServerTableState<T> } & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  const { t } = useI18n();
  return (
    <>
      {table.error != null && (
        <Typography.Text type="danger" role="alert">
          {errorText(table.error, t)}
        </Typography.Text>
      )}
      <Table<T>
        size="middle"
        {...props}
        loading={table.loading}
        dataSource={table.data?.items ?? []}
        pagination={{ ...table.pagination, showTotal: (total) => t('common.total', { total }) }}
      />
    </>
  );
}

// The filter bar of the board and the overdue list. Every change goes straight into the URL
// (useServerTable's filters), so a filtered list can be bookmarked, shared or saved by name.
import { Button, Checkbox, DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { DUBAN_TIME_ZONE, DUTY_STATES } from '@duban/domain';
import { useI18n } from '../../i18n/i18n';
import type { FilterOptions } from './options';

export type FilterField = 'campaign' | 'phase' | 'department' | 'district' | 'state' | 'overdue' | 'late' | 'due';

type Filters = Record<string, string>;

interface Props {
  filters: Filters;
  setFilters(next: Record<string, string | string[] | undefined | null>): void;
  options: FilterOptions;
  fields: FilterField[];
}

/** A day picked in the console is a Beijing day: its start as an ISO instant. */
function dayStart(value: dayjs.Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DD'), DUBAN_TIME_ZONE).toISOString();
}

/** An ISO instant as the Beijing day it falls on (for the picker, which works in local time). */
function beijingDay(iso: string | undefined): dayjs.Dayjs | null {
  if (!iso || Number.isNaN(Date.parse(iso))) return null;
  return dayjs(dayjs(iso).tz(DUBAN_TIME_ZONE).format('YYYY-MM-DD'));
}

export function DutyFilters({ filters, setFilters, options, fields }: Props) {
  const { t, label } = useI18n();
  const has = (field: FilterField) => fields.includes(field);
  const set = (patch: Record<string, string | string[] | undefined>) => setFilters({ ...filters, ...patch });
  const states = filters.state ? filters.state.split(',') : [];
  const dueFrom = beijingDay(filters.dueAfter);
  const dueUntil = beijingDay(filters.dueBefore)?.subtract(1, 'day') ?? null;
  const anySet = Object.keys(filters).some((key) => key !== 'sort' && key !== 'order');

  return (
    <Form layout="inline" className="duty-filters" aria-label={t('board.filters')}>
      {has('campaign') && (
        <Form.Item label={t('board.campaign')} htmlFor="filter-campaign">
          <Select
            id="filter-campaign"
            className="filter-select"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('common.all')}
            value={filters.campaignId}
            onChange={(value?: string) => set({ campaignId: value, phaseId: undefined })}
            options={options.campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      )}
      {has('phase') && (
        <Form.Item label={t('board.phase')} htmlFor="filter-phase">
          <Select
            id="filter-phase"
            className="filter-select"
            allowClear
            disabled={!filters.campaignId}
            placeholder={filters.campaignId ? t('common.all') : t('board.phaseHint')}
            value={filters.phaseId}
            onChange={(value?: string) => set({ phaseId: value })}
            options={options.phases.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      )}
      {has('department') && (
        <Form.Item label={t('board.department')} htmlFor="filter-department">
          <Select
            id="filter-department"
            className="filter-select"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('common.all')}
            value={filters.departmentId}
            onChange={(value?: string) => set({ departmentId: value })}
            options={options.holders.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      )}
      {has('district') && (
        <Form.Item label={t('board.district')} htmlFor="filter-district">
          <Select
            id="filter-district"
            className="filter-select"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('common.all')}
            value={filters.districtId}
            onChange={(value?: string) => set({ districtId: value })}
            options={options.districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      )}
      {has('state') && (
        <Form.Item label={t('board.states')} htmlFor="filter-state">
          <Select
            id="filter-state"
            className="filter-select-wide"
            mode="multiple"
            allowClear
            placeholder={t('common.all')}
            value={states}
            onChange={(value: string[]) => set({ state: value })}
            options={DUTY_STATES.map((s) => ({ value: s, label: label('dutyState', s) }))}
          />
        </Form.Item>
      )}
      {has('due') && (
        <Form.Item label={t('board.dueRange')} htmlFor="filter-due">
          <DatePicker.RangePicker
            id={{ start: 'filter-due' }}
            allowEmpty={[true, true]}
            value={[dueFrom, dueUntil]}
            onChange={(range) =>
              set({
                dueAfter: range?.[0] ? dayStart(range[0]) : undefined,
                dueBefore: range?.[1] ? dayStart(range[1].add(1, 'day')) : undefined,
              })
            }
          />
        </Form.Item>
      )}
      {has('overdue') && (
        <Form.Item>
          <Checkbox checked={filters.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
            {t('board.overdueOnly')}
          </Checkbox>
        </Form.Item>
      )}
      {has('late') && (
        <Form.Item>
          <Checkbox checked={filters.late === 'true'} onChange={(e) => set({ late: e.target.checked ? 'true' : undefined })}>
            {t('board.lateOnly')}
          </Checkbox>
        </Form.Item>
      )}
      <Form.Item>
        <Button disabled={!anySet} onClick={() => setFilters({ sort: filters.sort, order: filters.order })}>
          {t('board.clearFilters')}
        </Button>
      </Form.Item>
    </Form>
  );
}

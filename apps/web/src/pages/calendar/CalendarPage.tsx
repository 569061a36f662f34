import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Calendar, Card, Col, DatePicker, Empty, Input, InputNumber, Row, Select, Space, Spin, Table, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import type { CalendarYearRevision, CalendarYearView, SetCalendarYearBody } from '@duban/contracts';
import { api } from '../../api/client';
import { invalidate, queryKeys } from '../../api/query-keys';
import { useSession } from '../../auth/session';
import { errorText } from '../../components/api-errors';
import { formatDateTime } from '../../components/format';
import { domainCode } from '../../components/api-errors';
import { useI18n } from '../../i18n/i18n';

const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;
const sorted = (days: Iterable<string>) => [...new Set(days)].sort();

/** The office's changes, on the revision they were made to (the save names it, so a save made meanwhile is refused). */
interface Draft {
  base: CalendarYearView;
  holidays: string[];
  makeUp: string[];
}

const NO_DAYS: string[] = [];
const draftOf = (base: CalendarYearView): Draft => ({ base, holidays: sorted(base.holidays), makeUp: sorted(base.makeUpWorkdays) });
const edited = (draft: Draft) =>
  JSON.stringify(sorted(draft.base.holidays)) !== JSON.stringify(draft.holidays) || JSON.stringify(sorted(draft.base.makeUpWorkdays)) !== JSON.stringify(draft.makeUp);

/**
 * The office's working-day calendar, a year at a time: public holidays and the weekend days
 * worked instead (调休). Click a day to mark it, or pick it from the lists; each save is a new
 * revision, and a save based on an old revision is refused (someone saved meanwhile).
 */
export function CalendarPage() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const office = hasRole('office');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? dayjs().year());
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reason, setReason] = useState('');
  const [month, setMonth] = useState<Dayjs>(dayjs(`${year}-01-01`));
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  const record = useQuery({
    queryKey: queryKeys.record(`/calendar/${year}`),
    queryFn: async ({ signal }) => {
      const [current, history] = await Promise.all([
        api.get<CalendarYearView>(`/calendar/${year}`, undefined, signal),
        api.get<CalendarYearRevision[]>(`/calendar/${year}/revisions`, undefined, signal),
      ]);
      return { current, history };
    },
  });
  const current = record.data?.current ?? null;
  const revisions = record.data?.history ?? [];
  const loadFailure = record.error ? errorText(record.error, t) : null;

  useEffect(() => {
    setMonth((m) => (m.year() === year ? m : dayjs(`${year}-01-01`)));
  }, [year]);

  // A new answer is shown unless the office is changing that year: their changes stay on the
  // revision they were made to, so a save made meanwhile is still refused.
  useEffect(() => {
    if (current && (!draft || draft.base.year !== current.year || (draft.base !== current && !edited(draft)))) setDraft(draftOf(current));
  }, [current, draft]);

  const shown = draft && current && draft.base.year === year ? draft : null;
  const saved = shown?.base ?? null;
  const holidays = shown?.holidays ?? NO_DAYS;
  const makeUp = shown?.makeUp ?? NO_DAYS;
  const changed = shown !== null && edited(shown);
  const setHolidays = (change: (days: string[]) => string[]) => setDraft((d) => (d ? { ...d, holidays: change(d.holidays) } : d));
  const setMakeUp = (change: (days: string[]) => string[]) => setDraft((d) => (d ? { ...d, makeUp: change(d.makeUp) } : d));

  /** A weekday becomes (or stops being) a holiday; a weekend day a make-up working day. */
  const toggle = (day: Dayjs) => {
    if (!office || day.year() !== year) return;
    const text = day.format('YYYY-MM-DD');
    // A notice's days off include the weekend days of a holiday: clicking one takes it off the list.
    if (holidays.includes(text)) setHolidays((days) => days.filter((d) => d !== text));
    else if (isWeekend(day)) setMakeUp((days) => (days.includes(text) ? days.filter((d) => d !== text) : sorted([...days, text])));
    else setHolidays((days) => (days.includes(text) ? days.filter((d) => d !== text) : sorted([...days, text])));
  };

  const save = async () => {
    if (!saved) return;
    setBusy(true);
    setFailure(null);
    setConflict(false);
    try {
      const body: SetCalendarYearBody = { holidays, makeUpWorkdays: makeUp, expectedRevision: saved.revision, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      await api.put<CalendarYearView>(`/calendar/${year}`, body);
      void message.success(t('calendar.saved', { year }));
      setReason('');
      await invalidate(queryClient, queryKeys.calendarChanged());
      setDraft(null);
    } catch (error) {
      if (domainCode(error) === 'CALENDAR_CHANGED_MEANWHILE' || (error as { status?: number }).status === 409) {
        // Someone saved since this page loaded: show theirs; the office applies the change again.
        setConflict(true);
        await invalidate(queryClient, queryKeys.calendarChanged());
        setDraft(null);
      } else setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const dayList = (days: string[], remove: (d: string) => void, testid: string) =>
    days.length === 0 ? (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    ) : (
      <Space wrap size={[4, 4]} data-testid={testid}>
        {days.map((d) => (
          <Tag key={d} closable={office} onClose={() => remove(d)} closeIcon={office ? undefined : false}>
            {t('campaign.parenthetical', { main: d, note: t(`calendar.weekday.${dayjs(d).day()}` as 'calendar.weekday.0') })}
          </Tag>
        ))}
      </Space>
    );

  return (
    <Space orientation="vertical" size="middle" className="page">
      <Space wrap align="center" className="toolbar">
        <Typography.Title level={1} className="page-title">
          {t('calendar.title')}
        </Typography.Title>
        <Space>
          <label htmlFor="calendar-year">{t('calendar.year')}</label>
          <InputNumber
            id="calendar-year"
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(value) => value && value >= 2000 && value <= 2100 && setParams({ year: String(value) })}
          />
        </Space>
      </Space>
      {conflict && <Alert type="warning" showIcon role="alert" title={t('calendar.conflict')} closable onClose={() => setConflict(false)} data-testid="calendar-conflict" />}
      {(failure ?? loadFailure) && <Alert type="error" showIcon role="alert" title={failure ?? loadFailure} />}
      {saved &&
        saved.year === year &&
        (saved.shippedNotice ? (
          <Alert
            type="info"
            showIcon
            data-testid="calendar-shipped"
            title={t('calendar.shippedNotice', {
              title: saved.shippedNotice.title,
              number: saved.shippedNotice.number ? `（${saved.shippedNotice.number}）` : '',
              issuedOn: saved.shippedNotice.issuedOn,
            })}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="calendar-not-shipped"
            title={saved.revision === 0 ? t('calendar.notShipped', { year }) : t('calendar.notShippedSet', { year, revision: saved.revision })}
          />
        ))}
      {!saved ? (
        !(failure ?? loadFailure) && <Spin description={t('common.loading')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card>
              <Typography.Title level={2} className="section-title">
                {t('calendar.monthView')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{office ? t('calendar.clickHint') : t('calendar.legend')}</Typography.Paragraph>
              <Calendar
                fullscreen={false}
                value={month}
                validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
                onPanelChange={(d) => setMonth(d)}
                // The stock header's month and year pickers have no labels; the year is the page's.
                headerRender={({ value, onChange }) => (
                  <Space className="calendar-header">
                    <Select
                      aria-label={t('calendar.month')}
                      value={value.month()}
                      onChange={(m: number) => onChange(value.month(m))}
                      options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: t('calendar.monthName', { month: m + 1 }) }))}
                    />
                  </Space>
                )}
                onSelect={(d, info) => {
                  setMonth(d);
                  if (info.source === 'date') toggle(d);
                }}
                fullCellRender={(d, info) => {
                  if (info.type !== 'date') return info.originNode;
                  const text = d.format('YYYY-MM-DD');
                  const holiday = holidays.includes(text);
                  const worked = makeUp.includes(text);
                  const off = holiday || (isWeekend(d) && !worked);
                  return (
                    <div
                      style={{
                        display: 'flex',
                        flexDirection: 'column',
                        alignItems: 'center',
                        lineHeight: 1.2,
                        minHeight: 34,
                        margin: '0 2px',
                        padding: '2px 0',
                        borderRadius: 4,
                        border: '1px solid transparent',
                        cursor: 'pointer',
                        background: holiday ? '#ffebee' : worked ? '#e3f2fd' : undefined,
                        color: off ? '#b71c1c' : undefined,
                      }}
                      data-date={text}
                      data-day={holiday ? 'holiday' : worked ? 'make-up' : off ? 'weekend' : 'workday'}
                      aria-label={`${text} ${holiday ? t('calendar.holiday') : worked ? t('calendar.makeUp') : off ? t('calendar.weekend') : t('calendar.workday')}`}
                    >
                      <span>{d.date()}</span>
                      {holiday && <small>{t('calendar.holidayMark')}</small>}
                      {worked && <small>{t('calendar.makeUpMark')}</small>}
                    </div>
                  );
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card>
              <Space orientation="vertical" className="full-width">
                <Typography.Title level={2} className="section-title">
                  {t('calendar.holidays')} ({holidays.length})
                </Typography.Title>
                {dayList(holidays, (d) => setHolidays((days) => days.filter((x) => x !== d)), 'calendar-holidays')}
                {office && (
                  <DatePicker
                    aria-label={t('calendar.addHoliday')}
                    placeholder={t('calendar.addHoliday')}
                    value={null}
                    minDate={dayjs(`${year}-01-01`)}
                    maxDate={dayjs(`${year}-12-31`)}
                    onChange={(d: Dayjs | null) => d && setHolidays((days) => sorted([...days, d.format('YYYY-MM-DD')]))}
                  />
                )}
                <Typography.Title level={2} className="section-title">
                  {t('calendar.makeUpDays')} ({makeUp.length})
                </Typography.Title>
                {dayList(makeUp, (d) => setMakeUp((days) => days.filter((x) => x !== d)), 'calendar-makeup')}
                {office && (
                  <DatePicker
                    aria-label={t('calendar.addMakeUp')}
                    placeholder={t('calendar.addMakeUp')}
                    value={null}
                    minDate={dayjs(`${year}-01-01`)}
                    maxDate={dayjs(`${year}-12-31`)}
                    disabledDate={(d) => !isWeekend(d)}
                    onChange={(d: Dayjs | null) => d && setMakeUp((days) => sorted([...days, d.format('YYYY-MM-DD')]))}
                  />
                )}
                <Typography.Text type="secondary">
                  {saved.revision === 0 ? t('calendar.neverSet', { year }) : t('calendar.revisionInfo', { revision: saved.revision, at: formatDateTime(saved.changedAt) })}
                </Typography.Text>
                {office && (
                  <>
                    <label htmlFor="calendar-reason">{t('calendar.reason')}</label>
                    <Input.TextArea
                      id="calendar-reason"
                      rows={2}
                      maxLength={2000}
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      placeholder={t('calendar.reasonPlaceholder')}
                    />
                    <Space wrap>
                      <Button type="primary" loading={busy} disabled={!changed} onClick={() => void save()} data-testid="calendar-save">
                        {t('calendar.save', { year })}
                      </Button>
                      <Button disabled={!changed} onClick={() => current && setDraft(draftOf(current))}>
                        {t('calendar.discard')}
                      </Button>
                      {changed && <Typography.Text type="warning">{t('calendar.unsaved')}</Typography.Text>}
                    </Space>
                  </>
                )}
              </Space>
            </Card>
          </Col>
          <Col xs={24}>
            <Card>
              <Typography.Title level={2} className="section-title">
                {t('calendar.revisions')}
              </Typography.Title>
              {revisions.length === 0 ? (
                <Empty description={t('calendar.noRevisions')} />
              ) : (
                <Table<CalendarYearRevision>
                  size="small"
                  rowKey="revision"
                  dataSource={[...revisions].reverse()}
                  pagination={false}
                  scroll={{ x: 720 }}
                  columns={[
                    { title: t('calendar.revision'), dataIndex: 'revision', width: 80 },
                    { title: t('calendar.changedAt'), dataIndex: 'changedAt', width: 170, render: (at: string) => formatDateTime(at) },
                    { title: t('calendar.holidays'), width: 100, render: (_, r) => r.holidays.length },
                    { title: t('calendar.makeUpDays'), width: 120, render: (_, r) => r.makeUpWorkdays.length },
                    { title: t('calendar.changedBy'), width: 200, render: (_, r) => (r.shippedFrom ? t('calendar.byNotice') : t('calendar.byOffice')) },
                    { title: t('calendar.reason'), dataIndex: 'reason', render: (text: string | null) => text ?? '—' },
                  ]}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

import type { NationalHolidayNotice } from './notice';

/**
 * 国务院办公厅关于2026年部分节假日安排的通知, 2025年11月4日, as Xinhua published it in full
 * (新华社北京11月4日电). That text carries no 文号, so none is shipped.
 */
export const NOTICE_2026: NationalHolidayNotice = {
  year: 2026,
  title: '国务院办公厅关于2026年部分节假日安排的通知',
  number: null,
  issuedOn: '2025-11-04',
  festivals: [
    { name: '元旦', daysOff: { from: '2026-01-01', to: '2026-01-03' }, statedDays: 3, makeUpWorkdays: ['2026-01-04'] },
    { name: '春节', daysOff: { from: '2026-02-15', to: '2026-02-23' }, statedDays: 9, makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', daysOff: { from: '2026-04-04', to: '2026-04-06' }, statedDays: 3, makeUpWorkdays: [] },
    { name: '劳动节', daysOff: { from: '2026-05-01', to: '2026-05-05' }, statedDays: 5, makeUpWorkdays: ['2026-05-09'] },
    { name: '端午节', daysOff: { from: '2026-06-19', to: '2026-06-21' }, statedDays: 3, makeUpWorkdays: [] },
    { name: '中秋节', daysOff: { from: '2026-09-25', to: '2026-09-27' }, statedDays: 3, makeUpWorkdays: [] },
    { name: '国庆节', daysOff: { from: '2026-10-01', to: '2026-10-07' }, statedDays: 7, makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
};

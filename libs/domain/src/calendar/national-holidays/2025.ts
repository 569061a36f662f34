import type { NationalHolidayNotice } from './notice';

/**
 * 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 2024年11月12日: the first
 * year under the revised 全国年节及纪念日放假办法 (one more day each for 春节 and 劳动节).
 */
export const NOTICE_2025: NationalHolidayNotice = {
  year: 2025,
  title: '国务院办公厅关于2025年部分节假日安排的通知',
  number: '国办发明电〔2024〕12号',
  issuedOn: '2024-11-12',
  festivals: [
    // 1月1日（周三）放假1天，不调休.
    { name: '元旦', daysOff: { from: '2025-01-01', to: '2025-01-01' }, statedDays: 1, makeUpWorkdays: [] },
    { name: '春节', daysOff: { from: '2025-01-28', to: '2025-02-04' }, statedDays: 8, makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', daysOff: { from: '2025-04-04', to: '2025-04-06' }, statedDays: 3, makeUpWorkdays: [] },
    { name: '劳动节', daysOff: { from: '2025-05-01', to: '2025-05-05' }, statedDays: 5, makeUpWorkdays: ['2025-04-27'] },
    { name: '端午节', daysOff: { from: '2025-05-31', to: '2025-06-02' }, statedDays: 3, makeUpWorkdays: [] },
    { name: '国庆节、中秋节', daysOff: { from: '2025-10-01', to: '2025-10-08' }, statedDays: 8, makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
  ],
};

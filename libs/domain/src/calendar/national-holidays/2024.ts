import type { NationalHolidayNotice } from './notice';

/** 国务院办公厅关于2024年部分节假日安排的通知, 国办发明电〔2023〕7号, 2023年10月25日. */
export const NOTICE_2024: NationalHolidayNotice = {
  year: 2024,
  title: '国务院办公厅关于2024年部分节假日安排的通知',
  number: '国办发明电〔2023〕7号',
  issuedOn: '2023-10-25',
  festivals: [
    // 1月1日放假，与周末连休 (the weekend before it is in 2023).
    { name: '元旦', daysOff: { from: '2024-01-01', to: '2024-01-01' }, statedDays: 1, makeUpWorkdays: [] },
    { name: '春节', daysOff: { from: '2024-02-10', to: '2024-02-17' }, statedDays: 8, makeUpWorkdays: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', daysOff: { from: '2024-04-04', to: '2024-04-06' }, statedDays: 3, makeUpWorkdays: ['2024-04-07'] },
    { name: '劳动节', daysOff: { from: '2024-05-01', to: '2024-05-05' }, statedDays: 5, makeUpWorkdays: ['2024-04-28', '2024-05-11'] },
    // 6月10日放假，与周末连休.
    { name: '端午节', daysOff: { from: '2024-06-10', to: '2024-06-10' }, statedDays: 1, makeUpWorkdays: [] },
    { name: '中秋节', daysOff: { from: '2024-09-15', to: '2024-09-17' }, statedDays: 3, makeUpWorkdays: ['2024-09-14'] },
    { name: '国庆节', daysOff: { from: '2024-10-01', to: '2024-10-07' }, statedDays: 7, makeUpWorkdays: ['2024-09-29', '2024-10-12'] },
  ],
};

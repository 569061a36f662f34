import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UnitImportFieldsDto } from '../unit-imports/unit-import.dto';
import { FactSourceDto } from '../units/unit.dto';
import { fieldMessages } from './validation';

async function problems<T extends object>(type: new () => T, body: object) {
  return fieldMessages(await validate(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true }));
}

describe('CalendarDate', () => {
  it('takes a date that exists, written YYYY-MM-DD', async () => {
    expect(await problems(UnitImportFieldsDto, { dataset: 'employment', sourceDate: '2024-02-29' })).toEqual({});
    expect(await problems(FactSourceDto, { file: 'x.csv', date: '2026-10-31' })).toEqual({});
  });

  it('refuses one that does not exist (PostgreSQL would answer 500), or another shape, with one message', async () => {
    for (const sourceDate of ['2026-02-30', '2026-13-01', '2026-10-31T00:00:00Z', '31/10/2026', 20261031]) {
      expect(await problems(UnitImportFieldsDto, { dataset: 'employment', sourceDate })).toEqual({ sourceDate: ['sourceDate must be a date YYYY-MM-DD'] });
    }
    expect(await problems(FactSourceDto, { file: 'x.csv', date: '2026-02-29' })).toEqual({ date: ['date must be a date YYYY-MM-DD'] });
  });
});

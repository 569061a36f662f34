import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UnitImportFieldsDto } from '../unit-imports/unit-import.dto';
import { ExtendDutyDto } from '../duties/duty.dto';
import { FactSourceDto } from '../units/unit.dto';
import { fieldMessages, isZonedDateTime } from './validation';

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

describe('ZonedDateTime', () => {
  it('takes a date and time with Z or an offset', () => {
    for (const value of [
      '2026-12-30T18:00:00+08:00',
      '2026-12-30T10:00:00Z',
      '2026-12-30T10:00:00.123Z',
      '2026-12-30T18:00+08:00',
      '2026-12-30T18:00:00+0800',
      '2026-12-30T05:00:00-05:00',
    ]) {
      expect([value, isZonedDateTime(value)]).toEqual([value, true]);
    }
  });

  it('refuses one without a zone, a date alone, an impossible day or hour, and what is not text', () => {
    for (const value of [
      '2026-12-30T18:00:00',
      '2026-12-30T18:00',
      '2026-12-30',
      '2026-02-30T10:00:00Z',
      '2026-12-30T24:00:00Z',
      '2026-12-30T18:00:00+25:00',
      '2026-12-30 18:00:00+08:00',
      '2026-12-30T18:00:00z',
      1798624800000,
      null,
    ]) {
      expect([value, isZonedDateTime(value)]).toEqual([value, false]);
    }
  });

  it('names the field in its message', async () => {
    expect(await problems(ExtendDutyDto, { dueAt: '2026-12-30T18:00:00', reason: '调整' })).toEqual({
      dueAt: ['dueAt must be an ISO 8601 date-time with a time zone, e.g. 2026-12-31T18:00:00+08:00 (a time without Z or an offset is ambiguous)'],
    });
  });
});

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { EXPORT_FORMATS } from '../common/table-export';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateBy } from 'class-validator';
import { DUTY_STATES, type DutyState } from '@duban/domain';
import { DUTY_SORT_KEYS, type DutyGroupBy, type DutySortKey, type SortOrder } from '@duban/persistence';
import { TrimmedText, ZonedDateTime } from '../common/validation';

/** Largest page, and largest batch of a bulk action. */
export const MAX_PAGE = 200;
export const MAX_BULK_DUTIES = 200;

/** `true`/`false` in a query string are text; anything else stays as it is and fails IsBoolean. */
const QueryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** `state=a&state=b` and `state=a,b` both give [a, b]. */
const QueryList = () =>
  Transform(({ value }) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((item: unknown) => (typeof item === 'string' ? item.split(',') : [item]))
      .map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
      .filter((item: unknown) => item !== ''),
  );

/** A date-time later than now (checked when the request arrives). */
const IsFutureInstant = () =>
  ValidateBy({
    name: 'isFutureInstant',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && Date.parse(value) > Date.now(),
      defaultMessage: () => 'dueAt must be in the future',
    },
  });

/** JSON (the default), CSV (also chosen by `Accept: text/csv`) or an Excel workbook. */
class FormatQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: 'csv: a UTF-8 file (with BOM) for Excel, as Accept: text/csv; xlsx: a workbook' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

/** Pages; without limit a CSV export holds every matching row. */
class PageQuery extends FormatQuery {
  @ApiPropertyOptional({ default: 50, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** Where the duties come from: campaign, phase, district, department. */
class ScopeQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  phaseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The district (or county) the duties concern' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A department officer may name only their own department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

export class DutyViewQuery extends ScopeQuery {
  @ApiPropertyOptional({
    enum: DUTY_STATES,
    isArray: true,
    description: 'One or several states: state=assigned&state=returned or state=assigned,returned',
  })
  @IsOptional()
  @QueryList()
  @IsArray()
  @ArrayMaxSize(DUTY_STATES.length)
  @IsIn(DUTY_STATES, { each: true })
  state?: DutyState[];

  @ApiPropertyOptional({ description: 'Marked overdue by the clock and not closed' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Still open when its phase closed' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  late?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Due strictly before this instant' })
  @IsOptional()
  @ZonedDateTime()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Due at or after this instant' })
  @IsOptional()
  @ZonedDateTime()
  dueAfter?: string;

  @ApiPropertyOptional({ enum: DUTY_SORT_KEYS, default: 'dueAt', description: 'updatedAt is the last change' })
  @IsOptional()
  @IsIn(DUTY_SORT_KEYS)
  sort?: DutySortKey;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: SortOrder;
}

export class OverdueQuery extends ScopeQuery {}

export class DutyStatsQuery extends FormatQuery {
  @ApiPropertyOptional({ enum: ['department', 'district'], default: 'department' })
  @IsOptional()
  @IsIn(['department', 'district'])
  groupBy?: DutyGroupBy;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  phaseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;
}

export class RemindOverdueDto {
  @ApiProperty({ format: 'uuid', description: 'Every overdue duty this department holds is reminded' })
  @IsUUID()
  departmentId: string;

  @ApiPropertyOptional({ description: 'A word from the office, kept in each history entry and put in the e-mail' })
  @IsOptional()
  @TrimmedText(1, 2000)
  note?: string;
}

export class BulkExtendDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_BULK_DUTIES, description: 'The duties to extend (duplicates count once)' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_BULK_DUTIES)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  dutyIds: string[];

  @ApiProperty({ format: 'date-time', example: '2027-01-15T18:00:00+08:00', description: 'The new due time of every duty: ISO 8601 with a time zone, in the future' })
  @ZonedDateTime()
  @IsFutureInstant()
  dueAt: string;

  @ApiProperty({ description: 'Why the due times move (kept in each history and sent to the departments)' })
  @TrimmedText(1, 2000)
  reason: string;
}

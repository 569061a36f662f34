import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, ValidateBy } from 'class-validator';
import { TrimmedText } from '../common/validation';

/** The console's lists a filter can be saved for. */
export const SAVED_FILTER_VIEWS = ['duty-board', 'overdue', 'inbox', 'compliance-cases', 'inspection-cases', 'exposures', 'units', 'reports', 'users', 'audit-log'] as const;
export type SavedFilterView = (typeof SAVED_FILTER_VIEWS)[number];

/** Bounds of what a saved filter holds: a query string's worth of parameters. */
export const MAX_FILTER_KEYS = 30;
export const MAX_FILTER_VALUE_LENGTH = 1000;
const FILTER_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** What is wrong with a filters object, or null: an object of at most 30 string values under parameter-like names. */
export function filtersProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'filters must be an object of query parameters (name → text)';
  const entries = Object.entries(value);
  if (entries.length > MAX_FILTER_KEYS) return `filters may hold at most ${MAX_FILTER_KEYS} parameters`;
  for (const [key, item] of entries) {
    if (!FILTER_KEY.test(key)) return `filters: "${key.slice(0, 80)}" is not a parameter name (a letter, then up to 63 letters, digits, _ . -)`;
    if (typeof item !== 'string') return `filters.${key} must be text`;
    if (item.length > MAX_FILTER_VALUE_LENGTH) return `filters.${key} may be at most ${MAX_FILTER_VALUE_LENGTH} characters long`;
  }
  return null;
}

const IsFilterParameters = () =>
  ValidateBy({
    name: 'isFilterParameters',
    validator: {
      validate: (value: unknown) => filtersProblem(value) === null,
      defaultMessage: (args) => filtersProblem(args?.value) ?? 'filters are invalid',
    },
  });

export class SavedFilterListQuery {
  @ApiPropertyOptional({ enum: SAVED_FILTER_VIEWS, description: 'Only the filters of this list; without it, of every list' })
  @IsOptional()
  @IsIn(SAVED_FILTER_VIEWS)
  view?: SavedFilterView;
}

export class SaveFilterDto {
  @ApiProperty({ enum: SAVED_FILTER_VIEWS, example: 'duty-board' })
  @IsIn(SAVED_FILTER_VIEWS)
  view: SavedFilterView;

  @ApiProperty({ minLength: 1, maxLength: 100, example: '本周到期未办结', description: 'Trimmed; one name per owner and list (saving it again replaces the filters)' })
  @TrimmedText(1, 100)
  name: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: MAX_FILTER_VALUE_LENGTH },
    example: { state: 'assigned,returned', overdue: 'true' },
    description: `The list's query-string parameters (at most ${MAX_FILTER_KEYS})`,
  })
  @IsFilterParameters()
  filters: Record<string, string>;

  @ApiPropertyOptional({ default: false, description: "true: every user of the caller's role sees it; false: the caller only" })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

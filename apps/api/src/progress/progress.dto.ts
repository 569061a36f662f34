import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS } from '../common/table-export';
import { CalendarDate } from '../common/validation';
import type { HistoryStep, RankingKind } from '@duban/contracts';

/** `?format=json|csv|xlsx` (else the Accept header); every progress view is also a table. */
export class ProgressFormatQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

export class ProgressQuery extends ProgressFormatQuery {
  /** The local (Asia/Shanghai) day read, up to its end; today when left out. */
  @ApiPropertyOptional({ example: '2026-06-30', description: 'YYYY-MM-DD; default today in Asia/Shanghai; filings up to the end of that day count' })
  @IsOptional()
  @CalendarDate('asOf must be a date YYYY-MM-DD')
  asOf?: string;
}

export const RANKING_KINDS = ['district', 'department'] as const satisfies readonly RankingKind[];
export type { RankingKind };

export class RankingsQuery extends ProgressQuery {
  @ApiPropertyOptional({ enum: RANKING_KINDS, default: 'district' })
  @IsOptional()
  @IsIn(RANKING_KINDS)
  kind: RankingKind = 'district';
}

export const HISTORY_STEPS = ['round', 'month'] as const satisfies readonly HistoryStep[];
export type { HistoryStep };

export class HistoryQuery extends ProgressFormatQuery {
  @ApiPropertyOptional({ example: '2026-05-01', description: 'first day; default the start of the campaign' })
  @IsOptional()
  @CalendarDate('from must be a date YYYY-MM-DD')
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'last day; default today, or the end of the campaign if earlier' })
  @IsOptional()
  @CalendarDate('to must be a date YYYY-MM-DD')
  to?: string;

  /** Points at each report round's due date (month ends when the campaign has no rounds) or at month ends. */
  @ApiPropertyOptional({ enum: HISTORY_STEPS, default: 'round' })
  @IsOptional()
  @IsIn(HISTORY_STEPS)
  step: HistoryStep = 'round';
}

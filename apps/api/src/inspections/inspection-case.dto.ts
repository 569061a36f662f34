import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ENFORCEMENT_ACTION_TYPES, type EnforcementActionType } from '@duban/domain';
import type { EnforcementActionBody } from '@duban/contracts';
import { ExportFormatQuery } from '../common/table-export';
import { TrimmedText } from '../common/validation';

/** A page of 50 unless limit/offset say otherwise; a CSV/XLSX export without them holds every matching case. */
export class ListInspectionCasesQuery extends ExportFormatQuery {
  @IsOptional() @IsUUID() teamId?: string;
  @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @IsOptional() @IsUUID() districtId?: string;
  @IsOptional() @IsString() @Length(1, 64) sectorKey?: string;
  /** Cases no team took (none was registered for the district). */
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unassigned?: boolean;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class EnforcementActionDto implements EnforcementActionBody {
  @ApiProperty({ enum: ENFORCEMENT_ACTION_TYPES })
  @IsIn(ENFORCEMENT_ACTION_TYPES)
  type: EnforcementActionType;

  @ApiProperty({ example: '2026-11-20', description: 'The day the action was taken (not in the future)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @ApiProperty({ example: '现场检查：在岗职工 52 人，参保 30 人' })
  @TrimmedText(1, 5000)
  findings: string;

  @ApiPropertyOptional({ example: '责令 15 日内为 22 名职工补缴' })
  @IsOptional()
  @TrimmedText(1, 5000)
  outcome?: string;

  @ApiPropertyOptional({ description: 'penalty only: the amount in yuan' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100_000_000)
  penaltyYuan?: number;

  @ApiPropertyOptional({ type: [String], description: 'Evidence files of the case (POST /compliance-cases/:id/evidence)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

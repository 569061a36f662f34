import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DUTY_STATES, REPORT_KINDS, type DutyState, type ReportingUnitKind, type ReportKind } from '@duban/domain';
import { EXPORT_FORMATS } from '../common/table-export';
import { TrimmedText } from '../common/validation';

const UNIT_KINDS: ReportingUnitKind[] = ['district', 'department'];

export class ReportPlanEntryDto {
  @ApiProperty({ enum: REPORT_KINDS })
  @IsIn(REPORT_KINDS)
  kind: ReportKind;

  @ApiProperty({ enum: UNIT_KINDS, isArray: true, example: ['district', 'department'] })
  @IsArray()
  @ArrayMaxSize(2)
  @IsIn(UNIT_KINDS, { each: true })
  owedBy: ReportingUnitKind[];

  @ApiPropertyOptional({ description: 'monthly: day of the next month (5); quarterly: of the month after the quarter (10); year_end: of January (15)' })
  @IsOptional()
  @IsInt()
  dueDay?: number;
}

export class ReportPlanDto {
  @ApiProperty({ type: [ReportPlanEntryDto] })
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => ReportPlanEntryDto)
  kinds: ReportPlanEntryDto[];

  @ApiProperty({ enum: ['keep', 'next_working_day'], description: 'a due date on a day off stays, or moves to the next working day (顺延)' })
  @IsIn(['keep', 'next_working_day'])
  dueOnDayOff: 'keep' | 'next_working_day';
}

export class SetReportPlanDto {
  @ApiProperty({ type: ReportPlanDto })
  @ValidateNested()
  @Type(() => ReportPlanDto)
  plan: ReportPlanDto;

  @ApiProperty({ example: '按市领导小组要求改为月报' })
  @TrimmedText(1, 500)
  reason: string;
}

export class CensusFiguresDto {
  @ApiProperty() @IsInt() @Min(0) unitsSurveyed: number;
  @ApiProperty() @IsInt() @Min(0) uninsuredUnitsFound: number;
  @ApiProperty() @IsInt() @Min(0) uninsuredPersonsFound: number;
  @ApiProperty() @IsInt() @Min(0) unitsNewlyInsured: number;
}

export class InsuranceFiguresDto {
  @ApiPropertyOptional({ description: 'persons newly insured since the campaign began (cumulative)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  newlyInsured?: number;

  @ApiPropertyOptional({ description: 'persons insured now' })
  @IsOptional()
  @IsInt()
  @Min(0)
  totalInsured?: number;

  @ApiPropertyOptional({ description: 'percent, 0–100' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  contributionRate?: number;

  @ApiPropertyOptional({ description: 'yuan collected since the campaign began (cumulative)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  fundsCollectedYuan?: number;
}

export class InsuranceByTypeDto {
  @ApiPropertyOptional({ type: InsuranceFiguresDto }) @IsOptional() @ValidateNested() @Type(() => InsuranceFiguresDto) pension?: InsuranceFiguresDto;
  @ApiPropertyOptional({ type: InsuranceFiguresDto }) @IsOptional() @ValidateNested() @Type(() => InsuranceFiguresDto) unemployment?: InsuranceFiguresDto;
  @ApiPropertyOptional({ type: InsuranceFiguresDto }) @IsOptional() @ValidateNested() @Type(() => InsuranceFiguresDto) medical?: InsuranceFiguresDto;
  @ApiPropertyOptional({ type: InsuranceFiguresDto }) @IsOptional() @ValidateNested() @Type(() => InsuranceFiguresDto) work_injury?: InsuranceFiguresDto;
  @ApiPropertyOptional({ type: InsuranceFiguresDto }) @IsOptional() @ValidateNested() @Type(() => InsuranceFiguresDto) maternity?: InsuranceFiguresDto;
}

/** A report as the department files it (报表): figures, problems and proposals. */
export class FileReportDto {
  @ApiProperty({ type: CensusFiguresDto })
  @ValidateNested()
  @Type(() => CensusFiguresDto)
  census: CensusFiguresDto;

  @ApiProperty({ type: InsuranceByTypeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => InsuranceByTypeDto)
  insurance: InsuranceByTypeDto;

  @ApiPropertyOptional({ description: 'problems met (存在问题)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  problems?: string;

  @ApiPropertyOptional({ description: 'proposals (意见建议)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  proposals?: string;

  @ApiPropertyOptional({ description: 'required when a cumulative figure is lower than in the last report' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  correctionNote?: string;
}

export class ReportFormatQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

export class ReportRoundsQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ enum: ['upcoming'], description: 'upcoming: also the rounds the plan will open, with their periods and due times' })
  @IsOptional()
  @IsIn(['upcoming'])
  include?: 'upcoming';
}

export class ListReportsQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roundId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'a district or department' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: DUTY_STATES, description: "the report duty's state" }) @IsOptional() @IsIn(DUTY_STATES) state?: DutyState;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize: number = 50;
}

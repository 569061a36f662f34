import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import {
  COMPLIANCE_CASE_STATES,
  EXPOSURE_DECISIONS,
  FINDINGS,
  RECTIFICATION_KINDS,
  type ComplianceCaseState,
  type ExposureDecision,
  type Finding,
  type RectificationKind,
} from '@duban/domain';
import type { ComplianceCaseActionBody, ExposureDecisionBody, StartComplianceRunBody } from '@duban/contracts';
import { ExportFormatQuery } from '../common/table-export';
import { TrimmedText, ZonedDateTime } from '../common/validation';

export class StartComplianceRunDto implements StartComplianceRunBody {
  @ApiProperty({ format: 'uuid', description: 'The running campaign the findings become part of' })
  @IsUUID()
  campaignId: string;

  @ApiPropertyOptional({ example: '10月份税务、市场监管数据比对' })
  @IsOptional()
  @TrimmedText(1, 1000)
  reason?: string;
}

export class RectificationDto {
  @ApiProperty({ enum: RECTIFICATION_KINDS })
  @IsIn(RECTIFICATION_KINDS)
  kind: RectificationKind;

  @ApiProperty({ type: [String], description: 'Evidence files of the case (POST /compliance-cases/:id/evidence)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidenceIds: string[];
}

const CASE_ACTIONS = ['issue_notice', 'record_rectification', 'dismiss'] as const;

export class ComplianceCaseActionDto implements ComplianceCaseActionBody {
  @ApiProperty({ enum: CASE_ACTIONS })
  @IsIn(CASE_ACTIONS)
  action: (typeof CASE_ACTIONS)[number];

  @ApiPropertyOptional({ description: 'Required to dismiss' })
  @IsOptional()
  @TrimmedText(1, 2000)
  reason?: string;

  @ApiPropertyOptional({ format: 'date-time', description: "issue_notice: the deadline (ISO 8601 with a time zone); the policy's notice period from now otherwise" })
  @IsOptional()
  @ZonedDateTime()
  deadline?: string;

  @ApiPropertyOptional({ type: RectificationDto, description: 'Required to record a rectification' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RectificationDto)
  rectification?: RectificationDto;
}

export class ExposureDecisionDto implements ExposureDecisionBody {
  @ApiProperty({ enum: EXPOSURE_DECISIONS })
  @IsIn(EXPOSURE_DECISIONS)
  decision: ExposureDecision;

  @ApiPropertyOptional({ description: 'Required to reject' })
  @IsOptional()
  @TrimmedText(1, 2000)
  reason?: string;
}

/** A page of 50 unless limit/offset say otherwise; a CSV/XLSX export without them holds every matching case. */
export class ListComplianceCasesQuery extends ExportFormatQuery {
  @IsOptional() @IsUUID() campaignId?: string;
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @IsIn(COMPLIANCE_CASE_STATES) state?: ComplianceCaseState;
  @IsOptional() @IsIn(FINDINGS) finding?: Finding;
  @IsOptional() @IsString() @Length(18, 18) creditCode?: string;
  @IsOptional() @IsString() @Length(1, 64) sectorKey?: string;
  @IsOptional() @IsUUID() districtId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

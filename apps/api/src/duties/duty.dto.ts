import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DUTY_STATES, MAX_EVIDENCE_PER_SUBMISSION, type DutyState } from '@duban/domain';
import { TrimmedText, ZonedDateTime } from '../common/validation';

export class AssignDutyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ example: '报送新登记市场主体名单' })
  @TrimmedText(1, 200)
  title: string;

  @ApiProperty({ example: '每月5日前报送上月新登记市场主体名单，供社保扩面比对。' })
  @IsString()
  @Length(0, 10_000)
  description: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-31T18:00:00+08:00', description: 'ISO 8601 with a time zone; must be in the future' })
  @ZonedDateTime()
  dueAt: string;
}

export class ExtendDutyDto {
  @ApiProperty({ format: 'date-time', example: '2027-01-15T18:00:00+08:00', description: 'The new due time: ISO 8601 with a time zone, in the future' })
  @ZonedDateTime()
  dueAt: string;

  @ApiProperty({ description: 'Why the due time moves (kept in the history and sent to the department)' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class DutyNoteDto {
  @ApiPropertyOptional({ description: 'Optional remark kept in the history' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class SubmitDutyDto {
  @ApiProperty({ description: 'What the department did' })
  @TrimmedText(1, 20_000)
  result: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Evidence files of this duty (from POST /duties/:id/evidence) that support the result',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_PER_SUBMISSION)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

export class DutyProgressDto {
  @ApiProperty({ example: '已完成辖区内 60% 企业的摸底核查', description: 'How far the department has got (kept in the history, sent to the office)' })
  @TrimmedText(1, 5000)
  note: string;
}

export class ReassignDutyDto {
  @ApiProperty({ format: 'uuid', description: 'The department that takes the duty over' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ description: 'Why the duty moves (kept in the history and sent to both departments)' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class DutyCommentDto {
  @ApiProperty({ example: '请补充各街道的分项数据。' })
  @TrimmedText(1, 5000)
  text: string;
}

export class DutyReasonDto {
  @ApiProperty({ description: 'Why (kept in the history and sent to the department)' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class ListDutiesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: DUTY_STATES })
  @IsOptional()
  @IsIn(DUTY_STATES)
  state?: DutyState;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

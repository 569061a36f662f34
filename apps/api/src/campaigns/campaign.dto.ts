import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ReportPlanDto } from '../reports/report.dto';
import { EXPORT_FORMATS } from '../common/table-export';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DUTY_TEMPLATE_ROUTE_KINDS,
  DUTY_TEMPLATE_SCOPES,
  INSURANCE_TYPES,
  NOTIFICATION_AUDIENCES,
  PERSONS_MEASURES,
  PHASE_KINDS,
  TARGET_KINDS,
  type InsuranceType,
  type NotificationAudience,
  type PersonsMeasure,
  type PhaseKind,
  type TargetKind,
} from '@duban/domain';
import { TrimmedText, ZonedDateTime } from '../common/validation';
import type { LeadingGroup, LeadingGroupContact, LeadingGroupMember, LeadingGroupPerson } from '@duban/contracts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '$property must be a date YYYY-MM-DD' };

export class JurisdictionDto {
  @ApiProperty({ example: '衡阳市' })
  @TrimmedText(1, 200)
  name: string;

  @ApiProperty({ enum: ['city', 'province'], description: 'A city with its districts and counties, or a province with its cities' })
  @IsIn(['city', 'province'])
  level: 'city' | 'province';

  @ApiProperty({ type: [String], description: "Registry units of kind 'district' (districts, counties; a province's cities)" })
  @IsArray()
  @ArrayMaxSize(300)
  @IsUUID('all', { each: true })
  districtIds: string[];
}

export class PeriodDto {
  @ApiProperty({ example: '2026-05-01' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  start: string;

  @ApiProperty({ example: '2026-12-31' })
  @Matches(ISO_DATE, DATE_MESSAGE)
  end: string;
}

export class LegalBasisDto {
  @ApiProperty({ example: '衡阳市全民参保扩面专项行动实施方案' })
  @TrimmedText(1, 500)
  title: string;

  @ApiProperty({ example: '衡政办发〔2026〕12号' })
  @TrimmedText(1, 100)
  number: string;
}

export class TargetShareDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  stretch?: number;
}

export class CampaignTargetDto {
  @ApiProperty({ enum: INSURANCE_TYPES })
  @IsIn(INSURANCE_TYPES)
  insuranceType: InsuranceType;

  @ApiProperty({ enum: TARGET_KINDS })
  @IsIn(TARGET_KINDS)
  kind: TargetKind;

  @ApiPropertyOptional({ enum: PERSONS_MEASURES })
  @IsOptional()
  @IsIn(PERSONS_MEASURES)
  measure?: PersonsMeasure;

  @ApiProperty({ description: 'Persons: head count; contribution_rate: percent; funds: yuan (the floor)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @ApiPropertyOptional({ description: 'Funds only: the stretch figure' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  stretch?: number;

  @ApiPropertyOptional({ type: [TargetShareDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => TargetShareDto)
  districtShares?: TargetShareDto[];

  @ApiPropertyOptional({ type: [TargetShareDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => TargetShareDto)
  departmentShares?: TargetShareDto[];
}

export class LeadingGroupPersonDto implements LeadingGroupPerson {
  @ApiProperty({ example: '张某某' })
  @TrimmedText(1, 100)
  name: string;

  @ApiProperty({ example: '副市长' })
  @TrimmedText(1, 200)
  title: string;
}

export class ContactDto implements LeadingGroupContact {
  @ApiProperty()
  @TrimmedText(1, 100)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(3, 40)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;
}

export class LeadingGroupMemberDto implements LeadingGroupMember {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  liaison: ContactDto;

  @ApiProperty({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  head: ContactDto;
}

export class LeadingGroupDto implements LeadingGroup {
  @ApiProperty({ type: LeadingGroupPersonDto })
  @ValidateNested()
  @Type(() => LeadingGroupPersonDto)
  chair: LeadingGroupPersonDto;

  @ApiProperty({ type: [LeadingGroupPersonDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LeadingGroupPersonDto)
  viceChairs: LeadingGroupPersonDto[];

  @ApiProperty({ type: [LeadingGroupMemberDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LeadingGroupMemberDto)
  members: LeadingGroupMemberDto[];
}

export class WorkingDaysDto {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(0)
  @Max(60)
  workingDays: number;
}

export class EscalationStepDto {
  @ApiProperty({ example: 'chase_head' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'step must be a lower-case name: letters, digits, _' })
  step: string;

  @ApiProperty({ type: WorkingDaysDto, description: 'Working days after the due time' })
  @ValidateNested()
  @Type(() => WorkingDaysDto)
  after: WorkingDaysDto;

  @ApiProperty({ enum: NOTIFICATION_AUDIENCES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(NOTIFICATION_AUDIENCES, { each: true })
  notify: NotificationAudience[];
}

export class EscalationLadderDto {
  @ApiProperty({ type: WorkingDaysDto })
  @ValidateNested()
  @Type(() => WorkingDaysDto)
  reminderBefore: WorkingDaysDto;

  @ApiProperty({ type: [EscalationStepDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalationLadder: EscalationStepDto[];
}

export class SetEscalationLadderDto extends EscalationLadderDto {
  @ApiProperty({ description: 'Why the ladder changes (kept in the campaign log)' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class TemplateRouteDto {
  @ApiProperty({ enum: DUTY_TEMPLATE_ROUTE_KINDS })
  @IsIn(DUTY_TEMPLATE_ROUTE_KINDS)
  kind: (typeof DUTY_TEMPLATE_ROUTE_KINDS)[number];

  @ApiPropertyOptional({ description: "For 'function' and 'sector': the matrix key", example: 'internet_bars' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  key?: string;
}

export class TemplateDueDto {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-06-10T18:00:00+08:00', description: 'A fixed due time (ISO 8601 with zone)' })
  @IsOptional()
  @ZonedDateTime()
  at?: string;

  @ApiPropertyOptional({ example: 5, description: 'Or: a deadline this many working days after the launch (end of that day)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(250)
  workingDaysAfterLaunch?: number;
}

export class DutyTemplateDto {
  @ApiProperty({ example: '开展网吧从业人员参保专项检查' })
  @TrimmedText(1, 180)
  title: string;

  @ApiProperty()
  @IsString()
  @Length(0, 10_000)
  description: string;

  @ApiProperty({ type: TemplateRouteDto })
  @ValidateNested()
  @Type(() => TemplateRouteDto)
  route: TemplateRouteDto;

  @ApiProperty({ enum: DUTY_TEMPLATE_SCOPES })
  @IsIn(DUTY_TEMPLATE_SCOPES)
  scope: (typeof DUTY_TEMPLATE_SCOPES)[number];

  @ApiProperty({ type: TemplateDueDto })
  @ValidateNested()
  @Type(() => TemplateDueDto)
  due: TemplateDueDto;
}

export class PhaseWindowDto extends PeriodDto {}

export class PhasePlanDto {
  @ApiProperty({ enum: PHASE_KINDS })
  @IsIn(PHASE_KINDS)
  kind: PhaseKind;

  @ApiProperty({ example: '第二轮专项行动' })
  @TrimmedText(1, 200)
  name: string;

  @ApiProperty({ type: PhaseWindowDto })
  @ValidateNested()
  @Type(() => PhaseWindowDto)
  window: PhaseWindowDto;

  @ApiPropertyOptional({ type: [String], description: 'Special operations: sector keys of the duty matrix' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  focusSectors?: string[];

  @ApiProperty({ type: [DutyTemplateDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DutyTemplateDto)
  templates: DutyTemplateDto[];
}

export class RevisePhaseDto extends PhasePlanDto {
  @ApiPropertyOptional({ description: 'Why the plan changes (kept in the campaign log)' })
  @IsOptional()
  @TrimmedText(1, 2000)
  reason?: string;
}

export class CreateCampaignDto {
  @ApiProperty({ example: '衡阳市全民参保扩面专项行动' })
  @TrimmedText(1, 200)
  name: string;

  @ApiProperty({ type: JurisdictionDto })
  @ValidateNested()
  @Type(() => JurisdictionDto)
  jurisdiction: JurisdictionDto;

  @ApiProperty({ type: PeriodDto })
  @ValidateNested()
  @Type(() => PeriodDto)
  period: PeriodDto;

  @ApiProperty({ type: LegalBasisDto })
  @ValidateNested()
  @Type(() => LegalBasisDto)
  legalBasis: LegalBasisDto;

  @ApiProperty({ type: [CampaignTargetDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetDto)
  targets: CampaignTargetDto[];

  @ApiProperty({ type: LeadingGroupDto })
  @ValidateNested()
  @Type(() => LeadingGroupDto)
  leadingGroup: LeadingGroupDto;

  @ApiPropertyOptional({ type: EscalationLadderDto, description: 'Default: the ladder of docs/domain.md' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EscalationLadderDto)
  escalationLadder?: EscalationLadderDto;

  @ApiProperty({ type: [PhasePlanDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PhasePlanDto)
  phases: PhasePlanDto[];

  @ApiPropertyOptional({ type: ReportPlanDto, description: 'Default: ten-day, monthly, quarterly and year-end reports from districts and departments' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportPlanDto)
  reportPlan?: ReportPlanDto;
}

export class LaunchPhaseDto {
  @ApiPropertyOptional({ description: 'Launch although the phase before is still open (not before its own window opens: that is early)' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({
    description: "Launch before the phase's window opens (else 409 PHASE_WINDOW_NOT_OPEN naming the window); needs a reason. Due times then count from the launch.",
  })
  @IsOptional()
  @IsBoolean()
  early?: boolean;

  @ApiPropertyOptional({ description: 'Required with force or early: why (kept on the phase and in the campaign log)' })
  @IsOptional()
  @TrimmedText(1, 2000)
  reason?: string;
}

export class SetCampaignRouteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  departmentId: string;

  @ApiProperty()
  @TrimmedText(1, 2000)
  reason: string;
}

export class SetCampaignTargetsDto {
  @ApiProperty({ type: [CampaignTargetDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetDto)
  targets: CampaignTargetDto[];

  @ApiProperty({ description: 'Why the targets change (kept in the campaign log)' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class SetLeadingGroupDto {
  @ApiProperty({ type: LeadingGroupDto })
  @ValidateNested()
  @Type(() => LeadingGroupDto)
  leadingGroup: LeadingGroupDto;

  @ApiProperty({ description: 'Why the group changes (kept in the campaign log)' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class FormatQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];
}

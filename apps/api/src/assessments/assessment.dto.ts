import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsObject, IsOptional, ValidateIf } from 'class-validator';
import type { FinaliseAssessmentBody, ReviewAssessmentUnitBody, SetAssessmentRulesBody, StartAssessmentBody } from '@duban/contracts';
import { EXPORT_FORMATS } from '../common/table-export';
import { CalendarDate, TrimmedText } from '../common/validation';

export class SetAssessmentRulesDto implements SetAssessmentRulesBody {
  @ApiProperty({
    description: 'The whole rules document (see GET …/assessment-rules for the shape and the defaults)',
    example: {
      weights: { targets: 60, dutiesOnTime: 20, reportsOnTime: 20 },
      returnPenaltyPoints: 1,
      maxReturnPenalty: 10,
      commendationMinScore: 90,
      criticismBelowScore: 60,
      awardIneligibleBelowScore: 70,
      subsidy: { rule: 'proportional', ratePercent: 100, capPercent: 20, baseYuan: [{ unitId: '…', yuan: 1000000 }] },
    },
  })
  @IsObject()
  rules: Record<string, unknown>;

  @ApiProperty({ example: '按市考核办意见调整权重' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class StartAssessmentDto implements StartAssessmentBody {
  @ApiPropertyOptional({ description: 'The day the record is read for (YYYY-MM-DD, Beijing); today or the campaign’s last day, whichever is earlier' })
  @IsOptional()
  @CalendarDate('asOf must be a date written YYYY-MM-DD')
  asOf?: string;
}

export class ReviewAssessmentUnitDto implements ReviewAssessmentUnitBody {
  @ApiProperty() @IsBoolean() commendation: boolean;
  @ApiProperty() @IsBoolean() criticism: boolean;
  @ApiProperty() @IsBoolean() awardIneligible: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'Yuan to the fen: + raised, − cut; null for no adjustment' })
  @ValidateIf((o: ReviewAssessmentUnitDto) => o.subsidyAdjustmentYuan !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  subsidyAdjustmentYuan: number | null;

  @ApiProperty({ example: '经复核，该区第四季度数据已补报' })
  @TrimmedText(1, 2000)
  reason: string;
}

export class FinaliseAssessmentDto implements FinaliseAssessmentBody {
  @ApiPropertyOptional({ example: '经领导小组会议审定' })
  @IsOptional()
  @TrimmedText(1, 2000)
  reason?: string;
}

export class TableFormatQuery {
  @IsOptional() @IsIn(EXPORT_FORMATS) format?: (typeof EXPORT_FORMATS)[number];
}

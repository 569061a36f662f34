import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import type { SetCalendarYearBody } from '@duban/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SetCalendarYearDto implements SetCalendarYearBody {
  @ApiProperty({ example: ['2026-10-01', '2026-10-02'], description: 'Public holidays (YYYY-MM-DD)' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: 'each holiday must be a date YYYY-MM-DD' })
  holidays: string[];

  @ApiProperty({ example: ['2026-09-27'], description: 'Weekend days worked instead (调休), YYYY-MM-DD' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: 'each make-up working day must be a date YYYY-MM-DD' })
  makeUpWorkdays: string[];

  @ApiProperty({ description: 'The revision this change is based on (0 for a year not yet set)' })
  @IsInt()
  @Min(0)
  expectedRevision: number;

  @ApiPropertyOptional({ example: '国务院办公厅2026年部分节假日安排的通知' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

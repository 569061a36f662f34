import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { REGISTRIES, type Registry } from '@duban/domain';
import { CalendarDate, TrimmedText } from '../common/validation';

export class InsuredCountsDto {
  @IsOptional() @IsInt() @Min(0) pension?: number;
  @IsOptional() @IsInt() @Min(0) unemployment?: number;
  @IsOptional() @IsInt() @Min(0) medical?: number;
  @IsOptional() @IsInt() @Min(0) work_injury?: number;
  @IsOptional() @IsInt() @Min(0) maternity?: number;
}

export class FactSourceDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The department whose data this is; a department officer's own by default" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ example: '2026年10月新登记市场主体.xlsx' })
  @TrimmedText(1, 300)
  file: string;

  @ApiProperty({ example: '2026-10-31' })
  @CalendarDate('date must be a date YYYY-MM-DD')
  date: string;
}

export class RecordUnitFactsDto {
  @ApiProperty({ example: '91430400MA4L0XXXXW' })
  @IsString()
  @Length(1, 40)
  creditCode: string;

  @ApiPropertyOptional() @IsOptional() @TrimmedText(1, 300) name?: string;
  @ApiPropertyOptional({ example: 'internet_bars' }) @IsOptional() @IsString() @Length(1, 64) sectorKey?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() districtId?: string;
  @ApiPropertyOptional() @IsOptional() @TrimmedText(1, 1000) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() contactEmail?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) employees?: number;

  @ApiPropertyOptional({ type: InsuredCountsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InsuredCountsDto)
  insured?: InsuredCountsDto;

  @ApiPropertyOptional({ description: 'Contributions owed, yuan' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  arrears?: number;

  @ApiPropertyOptional({ enum: REGISTRIES, isArray: true, description: 'Registries the source says hold the unit' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REGISTRIES.length)
  @IsIn(REGISTRIES, { each: true })
  registeredWith?: Registry[];

  @ApiProperty({ type: FactSourceDto })
  @ValidateNested()
  @Type(() => FactSourceDto)
  source: FactSourceDto;
}

export class ListUnitsQuery {
  @IsOptional() @IsString() @Length(1, 64) sectorKey?: string;
  @IsOptional() @IsUUID() districtId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit: number = 50;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset: number = 0;
}

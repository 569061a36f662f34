import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { EXPORT_FORMATS, ExportFormatQuery } from '../common/table-export';
import { IMPORT_DATASETS, type ImportDataset } from '@duban/domain';
import { CalendarDate } from '../common/validation';

/** The form fields sent with the file (multipart/form-data). */
export class UnitImportFieldsDto {
  @ApiProperty({ enum: IMPORT_DATASETS })
  @IsIn(IMPORT_DATASETS)
  dataset: ImportDataset;

  @ApiProperty({ example: '2026-10-31', description: 'The date of the data in the file' })
  @CalendarDate('sourceDate must be a date YYYY-MM-DD')
  sourceDate: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The department whose data this is: the office names it; an officer's own by default" })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** A page of 50 unless limit/offset say otherwise; a CSV/XLSX export without them holds every import. */
export class ListUnitImportsQuery extends ExportFormatQuery {
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class UnitImportErrorsQuery {
  @IsOptional() @IsIn(EXPORT_FORMATS) format?: (typeof EXPORT_FORMATS)[number];
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50_000) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

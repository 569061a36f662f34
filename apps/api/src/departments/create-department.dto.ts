import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { UNIT_CODE, UNIT_KINDS, UNIT_PHONE } from '@duban/domain';
import type { CreateDepartmentBody, UpdateDepartmentBody } from '@duban/contracts';
import { ExportFormatQuery } from '../common/table-export';
import { TrimmedText } from '../common/validation';

// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** A name people read (a unit's, a person's): trimmed, without control characters. */
function NameText(max: number): PropertyDecorator {
  return applyDecorators(TrimmedText(1, max), Matches(NO_CONTROL_CHARACTERS, { message: '$property must not hold control characters' }));
}

/** A phone as offices write them (digits, spaces, + - ( ), an extension after 转 or x). */
function Phone(): PropertyDecorator {
  return applyDecorators(
    TrimmedText(1, 32),
    Matches(UNIT_PHONE, { message: '$property must be a phone number: digits, spaces, + - ( ), an extension after 转 or x; at most 32 characters' }),
  );
}

function Email(): PropertyDecorator {
  return applyDecorators(IsEmail({}, { message: '$property must be an e-mail address' }), MaxLength(320));
}

/** Optional, and when sent not null (a required value cannot be removed). */
const OptionalNotNull = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);

/** A field that may be sent but never changes: answered with a clear 400 rather than "should not exist". */
function Unchangeable(what: string): PropertyDecorator {
  return ValidateBy({
    name: 'unchangeable',
    validator: { validate: () => false, defaultMessage: () => `${what} cannot change: register a new unit and deactivate this one` },
  });
}

export class CreateDepartmentDto implements CreateDepartmentBody {
  @ApiProperty({ example: 'TAX', description: 'Short code, upper-case letters, digits, - or _' })
  @IsString()
  @Matches(UNIT_CODE, { message: 'code must be 2-32 upper-case letters, digits, - or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: '税务局' })
  @NameText(200)
  name: string;

  @ApiProperty({
    enum: UNIT_KINDS,
    required: false,
    description: "'district': a district or county government (a city, in a province's campaign); 'inspection_team': a labour-inspection team; default 'department'",
  })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: 'department' | 'district' | 'inspection_team';

  @ApiProperty({ required: false, type: [String], description: 'inspection_team only: the districts it answers for (none: city-wide)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiProperty({ example: 'tax-liaison@example.gov.cn' })
  @Email()
  liaisonEmail: string;

  @ApiProperty({ example: 'tax-head@example.gov.cn' })
  @Email()
  headEmail: string;

  @ApiPropertyOptional({ example: '王芳', description: "The liaison's name (联络员)" })
  @IsOptional()
  @NameText(100)
  liaisonName?: string;

  @ApiPropertyOptional({ example: '0734-8123456' })
  @IsOptional()
  @Phone()
  liaisonPhone?: string;

  @ApiPropertyOptional({ example: '李明', description: "The head's name (负责人)" })
  @IsOptional()
  @NameText(100)
  headName?: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Phone()
  headPhone?: string;

  @ApiPropertyOptional({ example: '新成立的成员单位', description: 'Why (kept in the audit log)' })
  @IsOptional()
  @TrimmedText(1, 500)
  reason?: string;
}

/** PATCH /departments/:id: the fields sent change (null removes a name or phone); the reason is required. */
export class UpdateDepartmentDto implements UpdateDepartmentBody {
  @ApiPropertyOptional({ example: '国家税务总局衡阳市税务局' })
  @OptionalNotNull()
  @NameText(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, example: '王芳' })
  @IsOptional()
  @NameText(100)
  liaisonName?: string | null;

  @ApiPropertyOptional({ example: 'tax-liaison@example.gov.cn' })
  @OptionalNotNull()
  @Email()
  liaisonEmail?: string;

  @ApiPropertyOptional({ nullable: true, example: '0734-8123456' })
  @IsOptional()
  @Phone()
  liaisonPhone?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '李明' })
  @IsOptional()
  @NameText(100)
  headName?: string | null;

  @ApiPropertyOptional({ example: 'tax-head@example.gov.cn' })
  @OptionalNotNull()
  @Email()
  headEmail?: string;

  @ApiPropertyOptional({ nullable: true, example: '13800000000' })
  @IsOptional()
  @Phone()
  headPhone?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Inspection teams only: the districts it answers for, all of them (empty: city-wide)' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiPropertyOptional({ description: 'Cannot change (400)', deprecated: true })
  @OptionalNotNull()
  @Unchangeable('code')
  code?: unknown;

  @ApiPropertyOptional({ description: 'Cannot change (400)', deprecated: true })
  @OptionalNotNull()
  @Unchangeable('kind')
  kind?: unknown;

  @ApiProperty({ example: '联络员调整：王芳接替张伟', description: 'Why (kept in the audit log)' })
  @TrimmedText(1, 500)
  reason: string;
}

export class DepartmentReasonDto {
  @ApiProperty({ example: '机构改革，职能划入市医疗保障局' })
  @TrimmedText(1, 500)
  reason: string;
}

const BOOLEAN_WORDS = ['true', 'false'] as const;

/** GET /departments: filters, and a download with ?format=csv|xlsx. */
export class ListDepartmentsQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: 'department' | 'district' | 'inspection_team';

  @ApiPropertyOptional({ enum: BOOLEAN_WORDS, description: 'true: active units only; false: deactivated ones only' })
  @IsOptional()
  @IsIn(BOOLEAN_WORDS, { message: 'active must be true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ description: "Text in the code, the name, or a liaison's or head's name or e-mail" })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  q?: string;
}

export class ImportDepartmentsQuery {
  @ApiPropertyOptional({ enum: BOOLEAN_WORDS, description: 'true: check the file and answer what an import would do, writing nothing' })
  @IsOptional()
  @IsIn(BOOLEAN_WORDS, { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

/** One row of an import file, checked with the rules of POST /departments (an empty optional cell removes the value). */
export class DepartmentImportRowDto {
  @NameText(200)
  name: string;

  @Email()
  liaisonEmail: string;

  @Email()
  headEmail: string;

  @IsOptional()
  @NameText(100)
  liaisonName?: string | null;

  @IsOptional()
  @Phone()
  liaisonPhone?: string | null;

  @IsOptional()
  @NameText(100)
  headName?: string | null;

  @IsOptional()
  @Phone()
  headPhone?: string | null;
}

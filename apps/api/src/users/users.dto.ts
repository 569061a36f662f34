import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '@duban/domain';
import type { CreateUserBody, PasswordResetBody, UpdateUserBody } from '@duban/contracts';
import { ExportFormatQuery } from '../common/table-export';
import { TrimmedText } from '../common/validation';

/** Usernames: what people type at sign-in, so letters, digits and . _ - only (the same rule as admin:create). */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const USERNAME_MESSAGE = 'username must be 2-64 letters, digits, ., _ or -, starting with a letter or digit';
export const PHONE_PATTERN = /^[0-9+()\- ]{3,32}$/;
const PHONE_MESSAGE = 'phone must be 3-32 digits, spaces, +, -, ( or )';

const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/** '' means "none" for the optional contact fields, as a cleared form field sends it. */
const emptyIsNull = Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value));

export class CreateUserDto implements CreateUserBody {
  @ApiProperty({ example: 'tax-liaison' })
  @trimmed
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: '王芳' })
  @TrimmedText(1, 200)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'The department or district (department officers), the inspection team (inspectors); none for other roles' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be the id of a department, district or inspection team' })
  departmentId?: string | null;

  @ApiPropertyOptional({ example: 'wang.fang@example.gov.cn' })
  @IsOptional()
  @emptyIsNull
  @ValidateIf((_, value) => value !== null)
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ example: '0571-8888 1234' })
  @IsOptional()
  @emptyIsNull
  @ValidateIf((_, value) => value !== null)
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({
    enum: ['one_time_password', 'email_link'],
    default: 'one_time_password',
    description: 'How the user gets a first password: a one-time password in the answer, or a one-time link mailed to their address',
  })
  @IsOptional()
  @IsIn(['one_time_password', 'email_link'])
  delivery?: 'one_time_password' | 'email_link';

  @ApiPropertyOptional({ example: '新任税务局联络员' })
  @IsOptional()
  @TrimmedText(1, 500)
  reason?: string;
}

export class UpdateUserDto implements UpdateUserBody {
  @ApiPropertyOptional({ example: '王芳' })
  @IsOptional()
  @TrimmedText(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: "Ends the user's sessions" })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ nullable: true, description: "null: none. Ends the user's sessions when it changes" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'departmentId must be the id of a department, district or inspection team' })
  departmentId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @emptyIsNull
  @ValidateIf((_, value) => value !== null)
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @emptyIsNull
  @ValidateIf((_, value) => value !== null)
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiProperty({ example: '调任区人社局' })
  @TrimmedText(1, 500)
  reason: string;
}

export class PasswordResetDto implements PasswordResetBody {
  @ApiProperty({
    enum: ['one_time_password', 'email_link'],
    description: "one_time_password: shown once in the answer, to be changed at first sign-in; email_link: a one-time link mailed to the user's address",
  })
  @IsIn(['one_time_password', 'email_link'])
  delivery: 'one_time_password' | 'email_link';

  @ApiProperty({ example: '本人来电，忘记密码' })
  @TrimmedText(1, 500)
  reason: string;
}

export class ListUsersQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Users of this department, district or inspection team' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Text in the username, display name, e-mail or phone' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export class ImportUsersQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: check every row and say what would happen; nothing is written' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['one_time_password', 'email_link'],
    default: 'one_time_password',
    description: 'How new users get their first password: in the answer (one per created row), or a one-time link mailed to each',
  })
  @IsOptional()
  @IsIn(['one_time_password', 'email_link'])
  delivery?: 'one_time_password' | 'email_link';
}

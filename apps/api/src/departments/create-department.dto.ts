import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateDepartmentDto {
  @ApiProperty({ example: 'TAX', description: 'Short code, upper-case letters, digits, - or _' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 upper-case letters, digits, - or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: '税务局' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'tax-liaison@example.gov.cn' })
  @IsEmail()
  liaisonEmail: string;

  @ApiProperty({ example: 'tax-head@example.gov.cn' })
  @IsEmail()
  headEmail: string;
}

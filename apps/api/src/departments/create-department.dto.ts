import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { TrimmedText } from '../common/validation';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'TAX', description: 'Short code, upper-case letters, digits, - or _' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 upper-case letters, digits, - or _, starting with a letter' })
  code: string;

  @ApiProperty({ example: '税务局' })
  @TrimmedText(1, 200)
  name: string;

  @ApiProperty({
    enum: ['department', 'district', 'inspection_team'],
    required: false,
    description: "'district': a district or county government (a city, in a province's campaign); 'inspection_team': a labour-inspection team; default 'department'",
  })
  @IsOptional()
  @IsIn(['department', 'district', 'inspection_team'])
  kind?: 'department' | 'district' | 'inspection_team';

  @ApiProperty({ required: false, type: [String], description: 'inspection_team only: the districts it answers for (none: city-wide)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiProperty({ example: 'tax-liaison@example.gov.cn' })
  @IsEmail()
  liaisonEmail: string;

  @ApiProperty({ example: 'tax-head@example.gov.cn' })
  @IsEmail()
  headEmail: string;
}

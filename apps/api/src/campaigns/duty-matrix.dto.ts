import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TrimmedText } from '../common/validation';

export class SetDutyRouteDto {
  @ApiProperty({ format: 'uuid', description: 'The department responsible for this sector or function' })
  @IsUUID()
  departmentId: string;

  @ApiProperty({ example: '网吧' })
  @TrimmedText(1, 200)
  label: string;

  @ApiPropertyOptional({ example: '文化市场执法职责调整' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { AUDIT_ACTIONS } from '@duban/domain';
import { ExportFormatQuery } from '../common/table-export';
import { ZonedDateTime } from '../common/validation';

export class ListAuditLogQuery extends ExportFormatQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: string;

  @ApiPropertyOptional({ example: 'sign_in.', description: "Actions starting with this: 'sign_in.', 'user.', 'department.', 'password.', 'account.'" })
  @IsOptional()
  @Matches(/^[a-z_]{1,32}\.?$/, { message: 'actionPrefix must be the start of an action, such as sign_in. or user.' })
  actionPrefix?: string;

  @ApiPropertyOptional({ description: 'Who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: ['user', 'department', 'session', 'account'] })
  @IsOptional()
  @IsIn(['user', 'department', 'session', 'account'])
  targetType?: string;

  @ApiPropertyOptional({ description: 'The id of the user, department or session acted on' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  targetId?: string;

  @ApiPropertyOptional({ description: "Text in the actor's username, the target's name or the reason" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00+08:00', description: 'From this time (inclusive)' })
  @IsOptional()
  @ZonedDateTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-08T00:00:00+08:00', description: 'Before this time' })
  @IsOptional()
  @ZonedDateTime()
  to?: string;

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
  @Max(10_000_000)
  offset?: number;
}

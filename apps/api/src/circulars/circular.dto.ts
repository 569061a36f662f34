import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { CIRCULAR_KINDS, type CircularKind } from '@duban/domain';
import type { CreateCircularBody, ReviseCircularBody } from '@duban/contracts';
import { TrimmedText } from '../common/validation';

export class CreateCircularDto implements CreateCircularBody {
  @ApiProperty({ enum: CIRCULAR_KINDS })
  @IsIn(CIRCULAR_KINDS)
  kind: CircularKind;

  @ApiPropertyOptional({ example: '2026-Q3', description: 'Required for a quarterly circular' })
  @ValidateIf((o: CreateCircularDto) => o.kind === 'quarterly' || o.quarter !== undefined)
  @TrimmedText(7, 7)
  quarter?: string;
}

export class ReviseCircularDto implements ReviseCircularBody {
  @ApiProperty() @TrimmedText(1, 300) title: string;
  @ApiProperty() @TrimmedText(1, 50_000) body: string;
  @ApiProperty({ example: '根据领导意见修改第三部分' }) @TrimmedText(1, 2000) reason: string;
}

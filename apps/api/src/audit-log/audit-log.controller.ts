import { Controller, Get, Headers, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { AuditLogPage } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiProducesTable, exportFormat, tableResponse } from '../common/table-export';
import { ListAuditLogQuery } from './audit-log.dto';
import { AuditLogService } from './audit-log.service';
import { Allow } from '../common/allow.decorator';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @ApiOperation({
    summary: 'The audit log (system administrator)',
    description:
      'Sign-ins and their failures, locks, sign-outs and every administrative change: who, when, what, from, to, why, client address. Newest first; JSON, or a download with ?format=csv|xlsx.',
  })
  @ApiErrors(400, 403)
  @ApiProducesTable()
  @Get()
  @Allow('audit-log.read')
  async list(@CurrentActor() actor: Actor, @Query() query: ListAuditLogQuery, @Headers('accept') accept?: string): Promise<AuditLogPage | StreamableFile> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.audit.table(actor, query), format) : this.audit.list(actor, query);
  }
}

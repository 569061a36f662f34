import { Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { StreamableFile } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import type { UnitImport, UnitImportErrors, UnitImportList } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { ApiProducesTable, exportFormat, tableResponse, XLSX_TYPE } from '../common/table-export';
import { ListUnitImportsQuery, UnitImportErrorsQuery } from './unit-import.dto';
import { UnitImportsService } from './unit-imports.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('units')
@ApiBearerAuth()
@Controller('unit-imports')
export class UnitImportsController {
  constructor(private readonly imports: UnitImportsService) {}

  /** Accepts the file (202) and imports it in the background; poll GET /unit-imports/:id for progress. */
  @ApiErrors(404)
  @Post()
  @Allow('unit-import.upload')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'Fields dataset, sourceDate, departmentId (the office), and the file (CSV in UTF-8 or GB18030, or XLSX) in the field "file"',
    schema: {
      type: 'object',
      required: ['dataset', 'sourceDate', 'file'],
      properties: {
        dataset: { type: 'string' },
        sourceDate: { type: 'string', format: 'date' },
        departmentId: { type: 'string', format: 'uuid' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  upload(@CurrentActor() actor: Actor, @Req() request: Request): Promise<UnitImport> {
    return this.imports.upload(actor, request);
  }

  /** The history, newest first (JSON), or every import as a download with ?format=csv|xlsx. */
  @ApiErrors(404)
  @Get()
  @Allow('unit-import.read')
  @ApiProducesTable()
  async list(@CurrentActor() actor: Actor, @Query() query: ListUnitImportsQuery, @Headers('accept') accept?: string): Promise<UnitImportList | StreamableFile> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.imports.listTable(actor, query), format) : this.imports.list(actor, query);
  }

  @Get(':id')
  @Allow('unit-import.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UnitImport> {
    return this.imports.get(actor, id);
  }

  /** Every rejected row: row, field, reason (JSON, or a table with ?format=csv|xlsx). */
  @Get(':id/errors')
  @Allow('unit-import.read')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async errors(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: UnitImportErrorsQuery,
    @Headers('accept') accept?: string,
  ): Promise<UnitImportErrors | StreamableFile> {
    const format = exportFormat(query.format, accept);
    const result = await this.imports.errors(actor, id, query, format !== null);
    // A table comes back only when a format was asked for.
    return 'header' in result ? tableResponse(result, format ?? 'csv') : result;
  }
}

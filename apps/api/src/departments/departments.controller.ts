import { Body, Controller, Get, Headers, HttpCode, Param, Patch, PayloadTooLargeException, Post, Query, UploadedFile, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { Department, DepartmentImportAnswer } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { formatBytes, type UploadedEvidenceFile } from '../common/evidence-upload';
import { ApiProducesTable, exportFormat, tableResponse } from '../common/table-export';
import { TableUpload, TABLE_UPLOAD_FIELD } from '../common/table-upload';
import { Client } from '../auth/client-context';
import type { ClientContext } from '../auth/auth.service';
import { CreateDepartmentDto, DepartmentReasonDto, ImportDepartmentsQuery, ListDepartmentsQuery, UpdateDepartmentDto } from './create-department.dto';
import { DEPARTMENT_IMPORT_MAX_BYTES, DEPARTMENT_IMPORT_MAX_ROWS, DepartmentImportService } from './department-import.service';
import { DepartmentsService } from './departments.service';
import { Allow } from '../common/allow.decorator';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly imports: DepartmentImportService,
  ) {}

  @ApiOperation({ summary: 'Register a department, district or inspection team (office or system administrator; audited)' })
  @ApiErrors(400, 403, 409)
  @Post()
  @Allow('department.register')
  register(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentDto, @Client() client: ClientContext): Promise<Department> {
    return this.departments.register(actor, body, client);
  }

  @ApiOperation({
    summary: 'Every department, district and inspection team (an array), filtered; or a download with ?format=csv|xlsx',
    description: 'The download has the columns the import reads, so it can be edited and imported again.',
  })
  @ApiErrors(400)
  @ApiProducesTable()
  @Get()
  @Allow('department.read')
  async list(@Query() query: ListDepartmentsQuery, @Headers('accept') accept?: string): Promise<Department[] | StreamableFile> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.departments.table(query), format) : this.departments.list(query);
  }

  @ApiOperation({
    summary: 'Import departments, districts and inspection teams from CSV or XLSX (system administrator)',
    description:
      `Columns code, name, kind, liaison_name, liaison_email, liaison_phone, head_name, head_email, head_phone (or their Chinese names). ` +
      `A row with a registered code updates the fields that differ, or is unchanged; a refused row writes nothing. ` +
      `At most ${DEPARTMENT_IMPORT_MAX_ROWS} rows and ${formatBytes(DEPARTMENT_IMPORT_MAX_BYTES)}. ?dryRun=true writes nothing.`,
  })
  @ApiErrors(400, 403, 413)
  @TableUpload({
    action: 'department.administer',
    description: 'The units, one per row, in the field "file"',
    maxBytes: DEPARTMENT_IMPORT_MAX_BYTES,
    tooLarge: (limit) => {
      const message = `The file is larger than the limit of ${limit} for a department import`;
      return new PayloadTooLargeException({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: [message], fields: { [TABLE_UPLOAD_FIELD]: [message] } });
    },
    textFields: { reason: { maxLength: 500, description: 'Why (audit log); default: the file name' } },
  })
  @Post('import')
  @Allow('department.administer')
  @HttpCode(200)
  async import(
    @CurrentActor() actor: Actor,
    @Query() query: ImportDepartmentsQuery,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Body() body: Record<string, unknown>,
    @Client() client: ClientContext,
  ): Promise<DepartmentImportAnswer> {
    const reason = typeof body?.reason === 'string' && body.reason.trim() ? body.reason.trim().slice(0, 500) : undefined;
    return this.imports.import(actor, file, { dryRun: query.dryRun === 'true', reason }, client);
  }

  @ApiErrors(404)
  @Get(':id')
  @Allow('department.read')
  get(@Param('id') id: string): Promise<Department> {
    return this.departments.get(id);
  }

  @ApiOperation({ summary: "Rename a unit, edit its liaison's and head's names, e-mails and phones, or a team's districts (system administrator; audited)" })
  @ApiErrors(400, 403, 404, 409)
  @Patch(':id')
  @Allow('department.administer')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateDepartmentDto, @Client() client: ClientContext): Promise<Department> {
    return this.departments.update(actor, id, body, client);
  }

  @ApiOperation({ summary: 'Deactivate a unit: it gets no new duties; the duties it holds run on (system administrator; audited)' })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/deactivate')
  @Allow('department.administer')
  @HttpCode(200)
  deactivate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DepartmentReasonDto, @Client() client: ClientContext): Promise<Department> {
    return this.departments.deactivate(actor, id, body.reason, client);
  }

  @ApiOperation({ summary: 'Reactivate a deactivated unit (system administrator; audited)' })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/reactivate')
  @Allow('department.administer')
  @HttpCode(200)
  reactivate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DepartmentReasonDto, @Client() client: ClientContext): Promise<Department> {
    return this.departments.reactivate(actor, id, body.reason, client);
  }
}

import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Injectable,
  Param,
  Patch,
  PayloadTooLargeException,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { assertMayAdministerDepartments, type Actor } from '@duban/domain';
import { CurrentActor } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { formatBytes } from '../common/evidence-upload';
import { ApiProducesTable, exportFormat, tableResponse } from '../common/table-export';
import { Client } from '../auth/client-context';
import type { ClientContext } from '../auth/auth.service';
import { CreateDepartmentDto, DepartmentReasonDto, ImportDepartmentsQuery, ListDepartmentsQuery, UpdateDepartmentDto } from './create-department.dto';
import { DEPARTMENT_IMPORT_MAX_BYTES, DEPARTMENT_IMPORT_MAX_ROWS, DepartmentImportService, IMPORT_FILE_FIELD, type UploadedTable } from './department-import.service';
import { DepartmentsService } from './departments.service';

const ImportMultipart = FileInterceptor(IMPORT_FILE_FIELD, {
  // Browsers send file names as raw UTF-8 (Chinese names); multer would read them as latin1.
  defParamCharset: 'utf8',
  limits: { fileSize: DEPARTMENT_IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
});

/**
 * The import's upload: who may import is checked before the file is read (a refused caller
 * gets 403 without the server holding the file), and multer's refusals read like the API's.
 */
@Injectable()
class DepartmentImportUpload implements NestInterceptor {
  private readonly multipart = new ImportMultipart();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { actor: Actor }>();
    try {
      assertMayAdministerDepartments(request.actor);
    } catch (error) {
      request.resume();
      throw error;
    }
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      const refuse = (message: string) => new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [IMPORT_FILE_FIELD]: [message] } });
      if (error instanceof PayloadTooLargeException) {
        const message = `The file is larger than the limit of ${formatBytes(DEPARTMENT_IMPORT_MAX_BYTES)} for a department import`;
        throw new PayloadTooLargeException({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: [message], fields: { [IMPORT_FILE_FIELD]: [message] } });
      }
      if (error instanceof BadRequestException) {
        throw refuse(/unexpected|too many/i.test(error.message) ? `Send one file, in the multipart field "${IMPORT_FILE_FIELD}"` : `The upload could not be read: ${error.message}`);
      }
      throw error;
    }
  }
}

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
  register(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentDto, @Client() client: ClientContext) {
    return this.departments.register(actor, body, client);
  }

  @ApiOperation({
    summary: 'Every department, district and inspection team (an array), filtered; or a download with ?format=csv|xlsx',
    description: 'The download has the columns the import reads, so it can be edited and imported again.',
  })
  @ApiErrors(400)
  @ApiProducesTable()
  @Get()
  async list(@Query() query: ListDepartmentsQuery, @Headers('accept') accept?: string) {
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
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [IMPORT_FILE_FIELD],
      properties: { [IMPORT_FILE_FIELD]: { type: 'string', format: 'binary' }, reason: { type: 'string', maxLength: 500, description: 'Why (audit log); default: the file name' } },
    },
  })
  @Post('import')
  @HttpCode(200)
  @UseInterceptors(DepartmentImportUpload)
  async import(
    @CurrentActor() actor: Actor,
    @Query() query: ImportDepartmentsQuery,
    @UploadedFile() file: UploadedTable | undefined,
    @Body() body: Record<string, unknown>,
    @Client() client: ClientContext,
  ) {
    const reason = typeof body?.reason === 'string' && body.reason.trim() ? body.reason.trim().slice(0, 500) : undefined;
    return this.imports.import(actor, file, { dryRun: query.dryRun === 'true', reason }, client);
  }

  @ApiErrors(404)
  @Get(':id')
  get(@Param('id') id: string) {
    return this.departments.get(id);
  }

  @ApiOperation({ summary: "Rename a unit, edit its liaison's and head's names, e-mails and phones, or a team's districts (system administrator; audited)" })
  @ApiErrors(400, 403, 404, 409)
  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateDepartmentDto, @Client() client: ClientContext) {
    return this.departments.update(actor, id, body, client);
  }

  @ApiOperation({ summary: 'Deactivate a unit: it gets no new duties; the duties it holds run on (system administrator; audited)' })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DepartmentReasonDto, @Client() client: ClientContext) {
    return this.departments.deactivate(actor, id, body.reason, client);
  }

  @ApiOperation({ summary: 'Reactivate a deactivated unit (system administrator; audited)' })
  @ApiErrors(400, 403, 404, 409)
  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DepartmentReasonDto, @Client() client: ClientContext) {
    return this.departments.reactivate(actor, id, body.reason, client);
  }
}

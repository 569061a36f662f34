import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, UploadedFile, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { CreatedUser, PasswordResetAnswer, UserAdminView, UserImportAnswer, UserList, UserUnlockAnswer } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import type { UploadedEvidenceFile } from '../common/evidence-upload';
import { ApiProducesTable, exportFormat, tableResponse } from '../common/table-export';
import { TableUpload } from '../common/table-upload';
import { TrimmedText } from '../common/validation';
import { Client } from '../auth/client-context';
import type { ClientContext } from '../auth/auth.service';
import { CreateUserDto, ImportUsersQuery, ListUsersQuery, PasswordResetDto, UpdateUserDto } from './users.dto';
import { UsersService } from './users.service';
import { Allow } from '../common/allow.decorator';

export class ReasonDto {
  @ApiProperty({ example: '本人来电确认，解除锁定' })
  @TrimmedText(1, 500)
  reason: string;
}

@ApiTags('administration')
@ApiBearerAuth()
@ApiErrors(403)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'The users (system administrator)', description: 'Filters by role, unit, state and text; paged; a download with ?format=csv|xlsx.' })
  @ApiErrors(400)
  @ApiProducesTable()
  @Get()
  @Allow('user.read')
  async list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery, @Headers('accept') accept?: string): Promise<UserList | StreamableFile> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.users.table(actor, query), format) : this.users.list(actor, query);
  }

  @ApiOperation({
    summary: 'Create a user (system administrator)',
    description: 'The answer carries a one-time password, shown this once; the user must change it at the first sign-in. 409 when the username is taken (compared without case).',
  })
  @ApiErrors(400, 409)
  @Post()
  @Allow('user.manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto, @Client() client: ClientContext): Promise<CreatedUser> {
    return this.users.create(actor, body, client);
  }

  @ApiOperation({
    summary: 'Create users from a CSV or XLSX file (system administrator)',
    description:
      'Columns username, display_name, role, department_code, email, phone (or 用户名, 姓名, 角色, 单位代码, 邮箱, 电话). Each row is checked as a creation is; a refused row writes nothing and says why; a username that exists is left as it is (status existing), so the same file sent twice creates nobody twice. ?dryRun=true checks without writing.',
  })
  @ApiErrors(400)
  @TableUpload({ action: 'user.manage', description: 'The users, one per row, in the field "file"' })
  @Post('import')
  @Allow('user.manage')
  @HttpCode(200)
  importUsers(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Query() query: ImportUsersQuery,
    @Client() client: ClientContext,
  ): Promise<UserImportAnswer> {
    return this.users.importUsers(actor, file, query, client);
  }

  @ApiErrors(404)
  @Get(':id')
  @Allow('user.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserAdminView> {
    return this.users.get(actor, id);
  }

  @ApiOperation({
    summary: 'Edit a user (system administrator)',
    description: "A change of role or unit ends the user's sessions. An administrator cannot change their own role; the last active administrator cannot be demoted (409).",
  })
  @ApiErrors(400, 404, 409)
  @Patch(':id')
  @Allow('user.manage')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateUserDto, @Client() client: ClientContext): Promise<UserAdminView> {
    return this.users.update(actor, id, body, client);
  }

  @ApiOperation({
    summary: 'Deactivate a user (system administrator)',
    description: 'Never deleted: history keeps naming them. Every session ends at once. 409 for the last active administrator.',
  })
  @ApiErrors(400, 404, 409)
  @Post(':id/deactivate')
  @Allow('user.manage')
  @HttpCode(200)
  deactivate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto, @Client() client: ClientContext): Promise<UserAdminView> {
    return this.users.deactivate(actor, id, body.reason, client);
  }

  @ApiOperation({ summary: 'Reactivate a user (system administrator)', description: 'Not oneself. 409 when the user is active, or their unit has been deactivated.' })
  @ApiErrors(400, 404, 409)
  @Post(':id/reactivate')
  @Allow('user.manage')
  @HttpCode(200)
  reactivate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto, @Client() client: ClientContext): Promise<UserAdminView> {
    return this.users.reactivate(actor, id, body.reason, client);
  }

  @ApiOperation({
    summary: "Reset a user's password (system administrator)",
    description: "A one-time password in the answer, or a one-time link mailed to the user's address. Every session of the user ends; a sign-in lock is lifted.",
  })
  @ApiErrors(400, 404, 409, 503)
  @Post(':id/password-reset')
  @Allow('user.manage')
  @HttpCode(200)
  resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: PasswordResetDto, @Client() client: ClientContext): Promise<PasswordResetAnswer> {
    return this.users.resetPassword(actor, id, body, client);
  }

  @ApiOperation({ summary: 'Lift the sign-in lock of a user (system administrator)' })
  @ApiErrors(400, 404, 409)
  @Post(':id/unlock')
  @Allow('user.manage')
  @HttpCode(200)
  unlock(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReasonDto, @Client() client: ClientContext): Promise<UserUnlockAnswer> {
    return this.users.unlock(actor, id, body.reason, client);
  }
}

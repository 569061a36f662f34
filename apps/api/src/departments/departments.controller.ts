import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { CurrentActor } from '../common/actor.decorator';
import { CreateDepartmentDto } from './create-department.dto';
import { DepartmentsService } from './departments.service';
import { ApiErrors } from '../common/api-errors.decorator';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @ApiErrors(403, 409)
  @Post()
  register(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentDto) {
    return this.departments.register(actor, body);
  }

  @Get()
  list() {
    return this.departments.list();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.departments.get(id);
  }
}

import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import { CurrentActor } from '../common/actor.decorator';
import { csvResponse, wantsCsv } from '../duty-views/csv';
import { ComplianceViewsService } from './compliance-views.service';

export class ExposureListQuery {
  @IsOptional() @IsIn(['json', 'csv', 'html']) format?: 'json' | 'csv' | 'html';
}

export class UnitsOverviewQuery {
  @IsOptional() @IsIn(['sector', 'district']) groupBy: 'sector' | 'district' = 'sector';
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class CasesOverviewQuery {
  @IsOptional() @IsUUID() campaignId?: string;
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @IsUUID() districtId?: string;
  @IsOptional() @IsString() @Length(1, 64) sectorKey?: string;
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

@ApiTags('compliance')
@ApiBearerAuth()
@Controller()
export class ComplianceViewsController {
  constructor(private readonly views: ComplianceViewsService) {}

  /** Units whose exposure the office approved: JSON, CSV, or a printable page (?format=html). */
  @Get('exposure-list')
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @Header('Cache-Control', 'private, no-cache')
  async exposureList(
    @CurrentActor() actor: Actor,
    @Query() query: ExposureListQuery,
    @Res({ passthrough: true }) response: Response,
    @Headers('accept') accept?: string,
  ) {
    const rows = await this.views.exposureList(actor);
    if (query.format === 'html') {
      response.type('text/html; charset=utf-8');
      return this.views.exposureHtml(rows);
    }
    return wantsCsv(query.format === 'csv' ? 'csv' : query.format === 'json' ? 'json' : undefined, accept) ? csvResponse(this.views.exposureCsv(rows)) : rows;
  }

  @Get('compliance/overview/units')
  @ApiProduces('application/json', 'text/csv')
  async unitsOverview(@CurrentActor() actor: Actor, @Query() query: UnitsOverviewQuery, @Headers('accept') accept?: string) {
    const overview = await this.views.unitsOverview(actor, query.groupBy);
    return wantsCsv(query.format, accept) ? csvResponse(this.views.unitsOverviewCsv(overview)) : overview;
  }

  @Get('compliance/overview/cases')
  @ApiProduces('application/json', 'text/csv')
  async casesOverview(@CurrentActor() actor: Actor, @Query() query: CasesOverviewQuery, @Headers('accept') accept?: string) {
    const { format, ...filter } = query;
    const overview = await this.views.casesOverview(actor, filter);
    return wantsCsv(format, accept) ? csvResponse(this.views.casesOverviewCsv(overview)) : overview;
  }
}

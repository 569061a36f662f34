import { Controller, Get, Header, Headers, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { EXPOSURE_PROPOSAL_STATUSES, type Actor, type ExposureProposalStatus } from '@duban/domain';
import type { CasesOverview, ExposureListEntry, ExposureProposalList, UnitsOverview } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { EXPORT_FORMATS, exportFormat, tableResponse, XLSX_TYPE } from '../common/table-export';
import { ComplianceViewsService } from './compliance-views.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

export class ExposureListQuery {
  @IsOptional() @IsIn([...EXPORT_FORMATS, 'html']) format?: (typeof EXPORT_FORMATS)[number] | 'html';
  /** delisted: also the units taken off the list (rectified, withdrawn), with when and why — the office's view, never the printable page. */
  @IsOptional() @IsIn(['delisted']) include?: 'delisted';
}

export class ExposureProposalsQuery {
  @IsOptional() @IsIn(EXPOSURE_PROPOSAL_STATUSES) status?: ExposureProposalStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class UnitsOverviewQuery {
  @IsOptional() @IsIn(['sector', 'district']) groupBy: 'sector' | 'district' = 'sector';
  @IsOptional() @IsIn(EXPORT_FORMATS) format?: (typeof EXPORT_FORMATS)[number];
}

export class CasesOverviewQuery {
  @IsOptional() @IsUUID() campaignId?: string;
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @IsUUID() districtId?: string;
  @IsOptional() @IsString() @Length(1, 64) sectorKey?: string;
  @IsOptional() @IsIn(EXPORT_FORMATS) format?: (typeof EXPORT_FORMATS)[number];
}

@ApiErrors(403)
@ApiTags('compliance')
@ApiBearerAuth()
@Controller()
export class ComplianceViewsController {
  constructor(private readonly views: ComplianceViewsService) {}

  /**
   * The public exposure list — units whose exposure the office approved and whose case is still
   * open — as JSON, CSV, XLSX or a printable page (?format=html). ?include=delisted adds the
   * units taken off it (rectified, withdrawn) with when, by whom and why (not for the page).
   */
  @ApiErrors(400)
  @Get('exposure-list')
  @Allow('exposure.read')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE, 'text/html')
  @Header('Cache-Control', 'private, no-cache')
  async exposureList(
    @CurrentActor() actor: Actor,
    @Query() query: ExposureListQuery,
    @Res({ passthrough: true }) response: Response,
    @Headers('accept') accept?: string,
  ): Promise<ExposureListEntry[] | string | StreamableFile> {
    const rows = await this.views.exposureList(actor, query);
    if (query.format === 'html') {
      response.type('text/html; charset=utf-8');
      return this.views.exposureHtml(rows);
    }
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(this.views.exposureTable(rows, query.include === 'delisted'), format) : rows;
  }

  /** Proposals awaiting the office's decision (status=proposed, oldest first) and those decided, with counts per status. */
  @Get('exposure-proposals')
  @Allow('exposure-proposal.read')
  exposureProposals(@CurrentActor() actor: Actor, @Query() query: ExposureProposalsQuery): Promise<ExposureProposalList> {
    return this.views.exposureProposals(actor, query);
  }

  @Get('compliance/overview/units')
  @Allow('compliance-case.list')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async unitsOverview(@CurrentActor() actor: Actor, @Query() query: UnitsOverviewQuery, @Headers('accept') accept?: string): Promise<UnitsOverview | StreamableFile> {
    const overview = await this.views.unitsOverview(actor, query.groupBy);
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(this.views.unitsOverviewTable(overview), format) : overview;
  }

  @ApiErrors(404)
  @Get('compliance/overview/cases')
  @Allow('compliance-case.list')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async casesOverview(@CurrentActor() actor: Actor, @Query() query: CasesOverviewQuery, @Headers('accept') accept?: string): Promise<CasesOverview | StreamableFile> {
    const { format, ...filter } = query;
    const overview = await this.views.casesOverview(actor, filter);
    const table = exportFormat(format, accept);
    return table ? tableResponse(this.views.casesOverviewTable(overview), table) : overview;
  }
}

import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import type { CaseEvidence } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { EvidenceUpload, evidenceDownload, requireEvidenceFile, type UploadedEvidenceFile } from '../common/evidence-upload';
import { ComplianceEvidenceService } from './compliance-evidence.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance-cases/:id/evidence')
export class ComplianceEvidenceController {
  constructor(private readonly evidence: ComplianceEvidenceService) {}

  /** 201 with the new file; 200 with the one already there when the same bytes were sent before. */
  @ApiErrors(409)
  @Post()
  @Allow('compliance-case.add-evidence')
  @EvidenceUpload(ComplianceEvidenceService)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') caseId: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseEvidence> {
    const { evidence, created } = await this.evidence.upload(actor, caseId, requireEvidenceFile(file));
    response.status(created ? 201 : 200);
    return evidence;
  }

  @Get()
  @Allow('compliance-case.read')
  list(@CurrentActor() actor: Actor, @Param('id') caseId: string): Promise<CaseEvidence[]> {
    return this.evidence.list(actor, caseId);
  }

  @Get(':fileId')
  @Allow('compliance-case.read')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') caseId: string,
    @Param('fileId') fileId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const evidence = await this.evidence.download(actor, caseId, fileId);
    return evidenceDownload(response, evidence, evidence.content);
  }
}

import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVIDENCE_TYPES_DESCRIPTION, type Actor } from '@duban/domain';
import { CurrentActor } from '../common/actor.decorator';
import { EVIDENCE_FIELD, EvidenceUploadInterceptor, evidenceDownload, requireEvidenceFile, type UploadedEvidenceFile } from '../common/evidence-upload';
import { ComplianceEvidenceService } from './compliance-evidence.service';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller('compliance-cases/:id/evidence')
export class ComplianceEvidenceController {
  constructor(private readonly evidence: ComplianceEvidenceService) {}

  /** 201 with the new file; 200 with the one already there when the same bytes were sent before. */
  @Post()
  @UseInterceptors(EvidenceUploadInterceptor(ComplianceEvidenceService))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: `One file in the field "${EVIDENCE_FIELD}": ${EVIDENCE_TYPES_DESCRIPTION}, up to DUBAN_EVIDENCE_MAX_BYTES`,
    schema: { type: 'object', required: [EVIDENCE_FIELD], properties: { [EVIDENCE_FIELD]: { type: 'string', format: 'binary' } } },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') caseId: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { evidence, created } = await this.evidence.upload(actor, caseId, requireEvidenceFile(file));
    response.status(created ? 201 : 200);
    return evidence;
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Param('id') caseId: string) {
    return this.evidence.list(actor, caseId);
  }

  @Get(':fileId')
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

import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { EvidenceView } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { EvidenceUpload, evidenceDownload, requireEvidenceFile, type UploadedEvidenceFile } from '../common/evidence-upload';
import { DutyEvidenceService } from './duty-evidence.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('duties')
@ApiBearerAuth()
@Controller('duties/:id/evidence')
export class DutyEvidenceController {
  constructor(private readonly evidence: DutyEvidenceService) {}

  /** 201 with the new file; 200 with the one already there when the same bytes were sent before. */
  @ApiErrors(409)
  @Post()
  @Allow('duty.add-evidence')
  @EvidenceUpload(DutyEvidenceService)
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') dutyId: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EvidenceView> {
    const { evidence, created } = await this.evidence.upload(actor, dutyId, requireEvidenceFile(file));
    response.status(created ? 201 : 200);
    return evidence;
  }

  @Get()
  @Allow('duty.read')
  list(@CurrentActor() actor: Actor, @Param('id') dutyId: string): Promise<EvidenceView[]> {
    return this.evidence.list(actor, dutyId);
  }

  /** The file as uploaded. */
  @Get(':fileId')
  @Allow('duty.read')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') dutyId: string,
    @Param('fileId') fileId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { evidence, content } = await this.evidence.download(actor, dutyId, fileId);
    return evidenceDownload(response, evidence, content);
  }
}

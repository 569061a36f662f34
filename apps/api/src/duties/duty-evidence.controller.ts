import { BadRequestException, Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { EVIDENCE_TYPES_DESCRIPTION, type Actor } from '@duban/domain';
import { CurrentActor } from '../common/actor.decorator';
import { DutyEvidenceService, type UploadedEvidenceFile } from './duty-evidence.service';
import { EVIDENCE_FIELD, EvidenceUploadInterceptor } from './evidence-upload.interceptor';

/**
 * Content-Disposition for a download: an ASCII fallback for old clients and the UTF-8 name
 * (RFC 6266 / RFC 8187) that every current browser uses, so Chinese names arrive intact.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('duties')
@ApiBearerAuth()
@Controller('duties/:id/evidence')
export class DutyEvidenceController {
  constructor(private readonly evidence: DutyEvidenceService) {}

  /** 201 with the new file; 200 with the one already there when the same bytes were sent before. */
  @Post()
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: `One file in the field "${EVIDENCE_FIELD}": ${EVIDENCE_TYPES_DESCRIPTION}, up to DUBAN_EVIDENCE_MAX_BYTES`,
    schema: { type: 'object', required: [EVIDENCE_FIELD], properties: { [EVIDENCE_FIELD]: { type: 'string', format: 'binary' } } },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') dutyId: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!file) {
      const message = `Send the file as multipart/form-data in the field "${EVIDENCE_FIELD}"`;
      throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [EVIDENCE_FIELD]: [message] } });
    }
    const { evidence, created } = await this.evidence.upload(actor, dutyId, file);
    response.status(created ? 201 : 200);
    return evidence;
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Param('id') dutyId: string) {
    return this.evidence.list(actor, dutyId);
  }

  /** The file as uploaded, with its SHA-256 (hex in X-Checksum-SHA256, RFC 9530 Repr-Digest). */
  @Get(':fileId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') dutyId: string,
    @Param('fileId') fileId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { evidence, content } = await this.evidence.download(actor, dutyId, fileId);
    response.setHeader('X-Checksum-SHA256', evidence.sha256);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`);
    response.setHeader('ETag', `"${evidence.sha256}"`);
    // Served as what the content is, never sniffed into something a browser would run.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(content, {
      type: evidence.contentType,
      length: content.length,
      disposition: contentDisposition(evidence.fileName),
    });
  }
}

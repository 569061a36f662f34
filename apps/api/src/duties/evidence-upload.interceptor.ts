import {
  BadRequestException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { DutyEvidenceService } from './duty-evidence.service';

export const EVIDENCE_FIELD = 'file';

/** "10 MiB", "512 KiB", "900 bytes": the limit as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Receives one evidence file (multipart field `file`) into memory, within
 * DUBAN_EVIDENCE_MAX_BYTES. Who may upload is checked first, so a caller who may not gets
 * 403/404/409 without the server reading (and holding) the file.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor;
  private readonly maxBytes: number;

  constructor(
    @Inject(DUBAN_CONFIG) config: DubanConfig,
    private readonly evidence: DutyEvidenceService,
  ) {
    this.maxBytes = config.evidenceMaxBytes;
    const Multipart = FileInterceptor(EVIDENCE_FIELD, {
      // Browsers send file names as raw UTF-8 (Chinese names); multer would read them as latin1.
      defParamCharset: 'utf8',
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 10_000 },
    });
    this.multipart = new Multipart();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { actor: Actor }>();
    try {
      await this.evidence.assertMayUpload(request.actor, String(request.params.id));
    } catch (error) {
      // Refused before reading: discard the body so the client gets the answer, not a reset.
      request.resume();
      throw error;
    }
    try {
      return await this.multipart.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new DomainError(
          DomainErrorCode.EvidenceTooLarge,
          `The file is larger than the limit of ${formatBytes(this.maxBytes)} for evidence`,
          { maxBytes: this.maxBytes },
        );
      }
      if (error instanceof BadRequestException) {
        // multer names a file in another field "unexpected", a second file "too many".
        const message = /unexpected|too many files/i.test(error.message)
          ? `Send one file, in the multipart field "${EVIDENCE_FIELD}"`
          : `The upload could not be read: ${error.message}`;
        throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [EVIDENCE_FIELD]: [message] } });
      }
      throw error;
    }
  }
}

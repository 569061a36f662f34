import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { assertDutyTakesEvidence, assertNotRefused, DomainError, DomainErrorCode, evidenceUploadRefusal, type Actor } from '@duban/domain';
import { DutyEvidenceRepository, type DutyEntity, type DutyEvidenceEntity } from '@duban/persistence';
import { evidenceToStore, type UploadedEvidenceFile } from '../common/evidence-upload';
import { DutiesService } from './duties.service';
import type { EvidenceView } from '@duban/contracts';

export type { EvidenceView };

export function toEvidenceView(e: DutyEvidenceEntity): EvidenceView {
  return {
    id: e.id,
    dutyId: e.dutyId,
    fileName: e.fileName,
    contentType: e.contentType,
    kind: e.kind,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    uploadedBy: { id: e.uploadedBy, username: e.uploaderUsername, role: e.uploaderRole, departmentId: e.uploaderDepartmentId },
    uploadedAt: e.uploadedAt.toISOString(),
    downloadPath: `/duties/${e.dutyId}/evidence/${e.id}`,
  };
}

/** Evidence files of a duty: added by its department while it holds the duty, seen by whoever sees the duty. */
@Injectable()
export class DutyEvidenceService {
  constructor(
    private readonly duties: DutiesService,
    private readonly evidence: DutyEvidenceRepository,
  ) {}

  /**
   * Who may upload, checked before the body is read (by the upload interceptor) and again
   * with it: unknown duty 404, not the duty's department 403, duty not with the department 409.
   */
  async assertMayUpload(actor: Actor, dutyId: string): Promise<DutyEntity> {
    const duty = await this.duties.visible(actor, dutyId);
    assertNotRefused(evidenceUploadRefusal(actor, duty.departmentId));
    assertDutyTakesEvidence(duty.state);
    return duty;
  }

  async upload(actor: Actor, dutyId: string, file: UploadedEvidenceFile): Promise<{ evidence: EvidenceView; created: boolean }> {
    const duty = await this.assertMayUpload(actor, dutyId);
    const { evidence, created } = await this.evidence.add({ dutyId: duty.id, ...evidenceToStore(actor, file) });
    return { evidence: toEvidenceView(evidence), created };
  }

  async list(actor: Actor, dutyId: string): Promise<EvidenceView[]> {
    const duty = await this.duties.visible(actor, dutyId);
    return (await this.evidence.list(duty.id)).map(toEvidenceView);
  }

  async download(actor: Actor, dutyId: string, fileId: string): Promise<{ evidence: DutyEvidenceEntity; content: Buffer }> {
    const duty = await this.duties.visible(actor, dutyId);
    const evidence = isUUID(fileId) ? await this.evidence.findWithContent(duty.id, fileId) : null;
    if (!evidence?.content) {
      throw new DomainError(DomainErrorCode.EvidenceNotFound, `Duty ${duty.id} has no evidence file ${fileId}`);
    }
    return { evidence, content: evidence.content };
  }
}

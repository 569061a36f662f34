import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { canReadComplianceCase, complianceEvidenceRefusal, DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import type { CaseEvidence } from '@duban/contracts';
import { ComplianceEvidenceRepository, ComplianceRepository, type ComplianceCaseRow } from '@duban/persistence';
import { evidenceToStore, type EvidenceUploadGate, type UploadedEvidenceFile } from '../common/evidence-upload';
import { caseEvidenceView } from './compliance.views';

/** Evidence of a case: what shows the unit registered or paid, what an inspection found. */
@Injectable()
export class ComplianceEvidenceService implements EvidenceUploadGate {
  constructor(
    private readonly compliance: ComplianceRepository,
    private readonly evidence: ComplianceEvidenceRepository,
  ) {}

  /** Checked before the body is read: unknown case 404, not the caller's case 403, closed case 409. */
  async assertMayUpload(actor: Actor, caseId: string): Promise<ComplianceCaseRow> {
    const kase = await this.visibleCase(actor, caseId);
    const refusal = complianceEvidenceRefusal(actor, kase);
    if (refusal) throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
    if (kase.state === 'closed') throw new DomainError(DomainErrorCode.ComplianceTransitionForbidden, 'The case is closed: it takes no more evidence');
    return kase;
  }

  async upload(actor: Actor, caseId: string, file: UploadedEvidenceFile): Promise<{ evidence: CaseEvidence; created: boolean }> {
    const kase = await this.assertMayUpload(actor, caseId);
    const { evidence, created } = await this.evidence.add({ caseId: kase.id, ...evidenceToStore(actor, file) });
    return { evidence: caseEvidenceView(evidence), created };
  }

  async list(actor: Actor, caseId: string): Promise<CaseEvidence[]> {
    const kase = await this.visibleCase(actor, caseId);
    return (await this.evidence.list(kase.id)).map(caseEvidenceView);
  }

  async download(actor: Actor, caseId: string, fileId: string) {
    const kase = await this.visibleCase(actor, caseId);
    const evidence = isUUID(fileId) ? await this.evidence.findWithContent(kase.id, fileId) : null;
    if (!evidence) throw new DomainError(DomainErrorCode.EvidenceNotFound, `Case ${kase.id} has no evidence file ${fileId}`);
    return evidence;
  }

  private async visibleCase(actor: Actor, caseId: string): Promise<ComplianceCaseRow> {
    const kase = isUUID(caseId) ? await this.compliance.findCase(caseId) : null;
    if (!kase) throw new DomainError(DomainErrorCode.ComplianceCaseNotFound, `No compliance case with id ${caseId}`);
    if (!canReadComplianceCase(actor, kase)) throw new DomainError(DomainErrorCode.ActionNotPermitted, 'This compliance case is not routed to you');
    return kase;
  }
}

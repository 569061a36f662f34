import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import type { Actor, EvidenceKind } from '@duban/domain';
import { DutyEvidenceEntity } from '../../entities/duties/duty-evidence.entity';

export interface NewDutyEvidence {
  dutyId: string;
  sha256: string;
  kind: EvidenceKind;
  contentType: string;
  fileName: string;
  content: Buffer;
  uploadedBy: Actor;
  uploadedAt: Date;
}

/** Evidence files, stored in PostgreSQL. The same bytes added twice to a duty are one file. */
export class DutyEvidenceRepository {
  private readonly evidence: Repository<DutyEvidenceEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.evidence = dataSource.getRepository(DutyEvidenceEntity);
  }

  /**
   * Stores the file unless the duty has one with the same checksum; returns the stored one
   * (without its content) and whether it is new. Safe under concurrent uploads of the same file.
   */
  async add(file: NewDutyEvidence): Promise<{ evidence: DutyEvidenceEntity; created: boolean }> {
    const inserted: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO duty_evidence (id, duty_id, sha256, size_bytes, kind, content_type, file_name, content, uploaded_by,
                                  uploader_username, uploader_role, uploader_department_id, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (duty_id, sha256) DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        file.dutyId,
        file.sha256,
        file.content.length,
        file.kind,
        file.contentType,
        file.fileName,
        file.content,
        file.uploadedBy.userId,
        file.uploadedBy.username,
        file.uploadedBy.role,
        file.uploadedBy.departmentId,
        file.uploadedAt,
      ],
    );
    const evidence = await this.evidence.findOneByOrFail({ dutyId: file.dutyId, sha256: file.sha256 });
    return { evidence, created: inserted.length > 0 };
  }

  list(dutyId: string): Promise<DutyEvidenceEntity[]> {
    return this.evidence.find({ where: { dutyId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  /** The file with its content, if it belongs to the duty. */
  findWithContent(dutyId: string, id: string): Promise<DutyEvidenceEntity | null> {
    return this.evidence.createQueryBuilder('e').addSelect('e.content').where('e.id = :id AND e.duty_id = :dutyId', { id, dutyId }).getOne();
  }

  /** Which of `ids` are evidence of the duty. */
  async idsOfDuty(dutyId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.evidence.find({ select: { id: true }, where: { dutyId, id: In(ids) } });
    return new Set(rows.map((r) => r.id));
  }
}

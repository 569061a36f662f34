import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor, EvidenceKind } from '@duban/domain';

export interface ComplianceEvidenceRow {
  id: string;
  caseId: string;
  sha256: string;
  sizeBytes: number;
  kind: EvidenceKind;
  contentType: string;
  fileName: string;
  uploadedBy: string;
  uploaderUsername: string;
  uploaderRole: string;
  uploaderDepartmentId: string | null;
  uploadedAt: Date;
}

const COLUMNS = `id, case_id AS "caseId", sha256, size_bytes AS "sizeBytes", kind, content_type AS "contentType", file_name AS "fileName",
  uploaded_by AS "uploadedBy", uploader_username AS "uploaderUsername", uploader_role AS "uploaderRole",
  uploader_department_id AS "uploaderDepartmentId", uploaded_at AS "uploadedAt"`;

/**
 * Files that show a unit rectified or what an inspection found, kept in PostgreSQL with their
 * case. The same bytes added twice to a case are one file.
 */
export class ComplianceEvidenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(file: {
    caseId: string;
    sha256: string;
    kind: EvidenceKind;
    contentType: string;
    fileName: string;
    content: Buffer;
    uploadedBy: Actor;
    uploadedAt: Date;
  }): Promise<{ evidence: ComplianceEvidenceRow; created: boolean }> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO compliance_evidence (id, case_id, sha256, size_bytes, kind, content_type, file_name, content, uploaded_by,
                                        uploader_username, uploader_role, uploader_department_id, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (case_id, sha256) DO NOTHING RETURNING id`,
      [
        randomUUID(),
        file.caseId,
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
    const [evidence]: ComplianceEvidenceRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM compliance_evidence WHERE case_id = $1 AND sha256 = $2`, [
      file.caseId,
      file.sha256,
    ]);
    return { evidence, created: inserted.length > 0 };
  }

  /** Which of these evidence ids are files of the case. */
  async idsOfCase(caseId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM compliance_evidence WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, ids]);
    return new Set(rows.map((r) => r.id));
  }

  list(caseId: string): Promise<ComplianceEvidenceRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM compliance_evidence WHERE case_id = $1 ORDER BY uploaded_at, id`, [caseId]);
  }

  async findWithContent(caseId: string, id: string): Promise<(ComplianceEvidenceRow & { content: Buffer }) | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS}, content FROM compliance_evidence WHERE case_id = $1 AND id = $2`, [caseId, id]);
    return rows[0] ?? null;
  }
}

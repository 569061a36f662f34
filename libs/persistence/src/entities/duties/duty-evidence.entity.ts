import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EvidenceKind, Role } from '@duban/domain';

/** A file the department added to a duty as evidence; unique per duty and checksum. */
@Entity({ name: 'duty_evidence' })
export class DutyEvidenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId: string;

  /** Hex SHA-256 of the content. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 16 })
  kind: EvidenceKind;

  /** As detected from the content, not as the client declared it. */
  @Column({ name: 'content_type', type: 'varchar', length: 200 })
  contentType: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  /** Loaded only for a download. */
  @Column({ type: 'bytea', select: false })
  content?: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'uploader_username', type: 'varchar', length: 64 })
  uploaderUsername: string;

  @Column({ name: 'uploader_role', type: 'varchar', length: 32 })
  uploaderRole: Role;

  @Column({ name: 'uploader_department_id', type: 'uuid', nullable: true })
  uploaderDepartmentId: string | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}

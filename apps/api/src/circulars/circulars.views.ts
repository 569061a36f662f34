import type { CircularView } from '@duban/contracts';
import type { CircularRow } from '@duban/persistence';
import { isoDate, isoDateOrNull } from '../common/instants';

// Rows of the circular repository mapped to the answers of libs/contracts/src/circulars.ts.

export function circularView(row: CircularRow): CircularView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    kind: row.kind,
    periodKey: row.periodKey,
    serialNumber: row.serialNumber,
    title: row.title,
    body: row.body,
    data: row.data,
    status: row.status,
    draftedBy: row.draftedBy,
    draftedByUsername: row.draftedByUsername,
    draftedAt: isoDate(row.draftedAt),
    revisedBy: row.revisedBy,
    revisedByUsername: row.revisedByUsername,
    revisedAt: isoDateOrNull(row.revisedAt),
    revisionReason: row.revisionReason,
    publishedBy: row.publishedBy,
    publishedByUsername: row.publishedByUsername,
    publishedAt: isoDateOrNull(row.publishedAt),
  };
}

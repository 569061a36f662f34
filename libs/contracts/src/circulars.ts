// Circulars (通报): drafted from the data (a quarter's progress, or the final assessment), revised
// and published by the office (POST/GET /campaigns/:id/circulars, GET/PUT /circulars/:id, POST
// /circulars/:id/publish; GET /circulars/:id/page is the printable page, HTML).
import type { CircularData, CircularKind, CircularStatus } from '@duban/domain';
import type { IsoInstant } from './common';

/** A circular: its text, the data it was drafted from, who drafted, revised and published it. */
export interface CircularView {
  id: string;
  campaignId: string;
  kind: CircularKind;
  /** 2026-Q3, or final. */
  periodKey: string;
  /** Given at publication; null for a draft. */
  serialNumber: string | null;
  title: string;
  body: string;
  data: CircularData;
  status: CircularStatus;
  draftedBy: string;
  draftedByUsername: string | null;
  draftedAt: IsoInstant;
  revisedBy: string | null;
  revisedByUsername: string | null;
  revisedAt: IsoInstant | null;
  revisionReason: string | null;
  publishedBy: string | null;
  publishedByUsername: string | null;
  publishedAt: IsoInstant | null;
}

/** POST /campaigns/:id/circulars: drafts (or drafts again, while unpublished) a period's circular. */
export interface CreateCircularBody {
  kind: CircularKind;
  /** 2026-Q3: required for a quarterly circular. */
  quarter?: string;
}

/** PUT /circulars/:id: the office's revision of a draft, with its reason. */
export interface ReviseCircularBody {
  title: string;
  body: string;
  reason: string;
}

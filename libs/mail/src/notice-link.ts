import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The employer's link to its rectification order (社会保险限期改正通知书). An employer has no
 * account, so the notice e-mail carries a token that opens that one printable page and nothing
 * else: the case id and an expiry, signed with a key derived from the API's secret for this
 * purpose only (a session token cannot pass for it, nor it for a session token). The token is
 * the same on every attempt to send the e-mail (the expiry counts from the notice's issue), so
 * a retried send carries the link of the first.
 *
 * Layout, base64url: 16 bytes case id, 4 bytes expiry (seconds since the epoch), 32 bytes HMAC-SHA256.
 */
const PURPOSE = 'duban:notice-link:v1';
const TOKEN_BYTES = 16 + 4 + 32;
const DAY_MS = 86_400_000;

export type NoticeLinkReading = { caseId: string; expiresAt: Date; expired: boolean } | null;

function key(secret: string): Buffer {
  return createHmac('sha256', secret).update(PURPOSE).digest();
}

function signature(secret: string, payload: Buffer): Buffer {
  return createHmac('sha256', key(secret)).update(payload).digest();
}

/** A token for the notice of `caseId`, good until `expiresAt` (to the second). */
export function signNoticeLink(secret: string, caseId: string, expiresAt: Date): string {
  const id = Buffer.from(caseId.replace(/-/g, ''), 'hex');
  if (id.length !== 16) throw new Error(`Not a case id: ${caseId}`);
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000));
  const payload = Buffer.concat([id, expiry]);
  return Buffer.concat([payload, signature(secret, payload)]).toString('base64url');
}

/** The token of the notice e-mail: good for `noticeLinkDays` after the notice was issued. */
export function noticeLinkToken(config: { jwt: { secret: string }; noticeLinkDays: number }, caseId: string, noticeIssuedAt: Date): string {
  return signNoticeLink(config.jwt.secret, caseId, new Date(noticeIssuedAt.getTime() + config.noticeLinkDays * DAY_MS));
}

/**
 * What a token says, when Duban signed it (else null: a wrong, altered or truncated token);
 * `expired` once its time is over. Only a signed token is read for its expiry.
 */
export function readNoticeLink(secret: string, token: string, now: Date = new Date()): NoticeLinkReading {
  if (!/^[A-Za-z0-9_-]{70}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== TOKEN_BYTES || bytes.toString('base64url') !== token) return null;
  const payload = bytes.subarray(0, 20);
  if (!timingSafeEqual(bytes.subarray(20), signature(secret, payload))) return null;
  const hex = payload.subarray(0, 16).toString('hex');
  const caseId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const expiresAt = new Date(payload.readUInt32BE(16) * 1000);
  return { caseId, expiresAt, expired: now.getTime() >= expiresAt.getTime() };
}

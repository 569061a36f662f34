import { randomUUID } from 'node:crypto';
import { noticeLinkToken, readNoticeLink, signNoticeLink } from './notice-link';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const CASE = '3f0c2a9e-7d41-4b8e-9a6c-0123456789ab';
const NOW = new Date('2026-12-07T02:00:00Z');

describe('the employer’s notice link', () => {
  it('reads back the case and expiry it was signed with, to the second', () => {
    const expiresAt = new Date('2027-03-07T02:00:00.750Z');
    const token = signNoticeLink(SECRET, CASE, expiresAt);
    expect(token).toMatch(/^[A-Za-z0-9_-]{70}$/);
    expect(readNoticeLink(SECRET, token, NOW)).toEqual({ caseId: CASE, expiresAt: new Date('2027-03-07T02:00:00Z'), expired: false });
  });

  it('is expired from its expiry on', () => {
    const token = signNoticeLink(SECRET, CASE, NOW);
    expect(readNoticeLink(SECRET, token, new Date(NOW.getTime() - 1000))?.expired).toBe(false);
    expect(readNoticeLink(SECRET, token, NOW)?.expired).toBe(true);
  });

  it('counts the configured days from the notice’s issue, so every send of the e-mail carries the same token', () => {
    const issued = new Date('2026-12-01T08:00:00Z');
    const config = { jwt: { secret: SECRET }, noticeLinkDays: 30 };
    const token = noticeLinkToken(config, CASE, issued);
    expect(noticeLinkToken(config, CASE, issued)).toBe(token);
    expect(readNoticeLink(SECRET, token, NOW)?.expiresAt).toEqual(new Date('2026-12-31T08:00:00Z'));
  });

  it('refuses a token signed with another secret, altered in any character, cut short or padded', () => {
    const token = signNoticeLink(SECRET, CASE, new Date('2027-01-01T00:00:00Z'));
    expect(readNoticeLink('another-secret-of-thirty-two-characters!', token, NOW)).toBeNull();
    for (let i = 0; i < token.length; i++) {
      const swapped = token[i] === 'A' ? 'B' : 'A';
      expect(readNoticeLink(SECRET, token.slice(0, i) + swapped + token.slice(i + 1), NOW)).toBeNull();
    }
    expect(readNoticeLink(SECRET, token.slice(0, -1), NOW)).toBeNull();
    expect(readNoticeLink(SECRET, `${token}A`, NOW)).toBeNull();
    expect(readNoticeLink(SECRET, '', NOW)).toBeNull();
    expect(readNoticeLink(SECRET, `${token.slice(0, 69)}\u0000`, NOW)).toBeNull();
  });

  it('cannot be moved to another case or given a later expiry without the secret', () => {
    const token = Buffer.from(signNoticeLink(SECRET, CASE, new Date('2027-01-01T00:00:00Z')), 'base64url');
    const other = Buffer.from(randomUUID().replace(/-/g, ''), 'hex');
    const moved = Buffer.concat([other, token.subarray(16)]).toString('base64url');
    expect(readNoticeLink(SECRET, moved, NOW)).toBeNull();
    const later = Buffer.from(token);
    later.writeUInt32BE(later.readUInt32BE(16) + 86_400, 16);
    expect(readNoticeLink(SECRET, later.toString('base64url'), NOW)).toBeNull();
  });
});

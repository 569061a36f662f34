import { randomUUID } from 'node:crypto';
import { readNoticeLink, signNoticeLink } from '@duban/mail';
import { ComplianceChain } from '../support/compliance-chain';
import { validCreditCode } from '../support/credit-codes';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Notices for employers (issue 15, item 2): an employer has no account, so the rectification
 * order's e-mail links to GET /notices/:token — a signed, expiring token for that one notice.
 * It opens the printable page without signing in and every opening is recorded; a wrong token
 * is 404, an expired one 410; it opens no other route and no other case's notice.
 */
describe('notices for employers: the signed link of the notice e-mail', () => {
  let stack: TestStack;
  let chain: ComplianceChain;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login;
  const code = { first: validCreditCode(), second: validCreditCode(), silent: validCreditCode() };
  const name = { first: '雁峰区好味餐馆', second: '衡阳某超市', silent: '未下达通知的公司' };
  const mailbox = { first: 'haowei@unit.test', second: 'market@unit.test' };
  let cases: Map<string, string>;
  let token: { first: string; second: string };
  let notices: { first: string; second: string };

  const open = (path: string, headers: Record<string, string> = {}) => fetch(`${stack.baseUrl}${path}`, { headers });
  const openings = async (caseId: string) => Number((await stack.dataSource.query(`SELECT count(*)::int AS n FROM notice_openings WHERE case_id = $1`, [caseId]))[0].n);
  const tokenOf = (text: string) => {
    const match = /http:\/\/duban\.test\/notices\/([A-Za-z0-9_-]+)/.exec(text);
    if (!match) throw new Error(`no notice link in: ${text}`);
    return match[1];
  };

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_NOTICE_LINK_DAYS: '7' });
    office = await stack.userWithToken('office');
    chain = await ComplianceChain.start(stack, office);
    await chain.unregisteredUnit(code.first, { name: name.first, contactEmail: mailbox.first, sectorKey: 'restaurants', districtId: chain.district.id });
    await chain.unregisteredUnit(code.second, { name: name.second, contactEmail: mailbox.second, sectorKey: 'restaurants', districtId: chain.district.id });
    await chain.unregisteredUnit(code.silent, { name: name.silent, sectorKey: 'restaurants', districtId: chain.district.id });
    cases = await chain.compare(Object.values(code));
    notices = {
      first: (await chain.notify(cases.get(code.first)!, 3600)).noticeNumber,
      second: (await chain.notify(cases.get(code.second)!, 3600)).noticeNumber,
    };
    const mails = await waitFor('both notice e-mails', () => {
      const first = stack.smtp.to(mailbox.first).find((e) => e.subject.includes('社会保险限期改正通知书'));
      const second = stack.smtp.to(mailbox.second).find((e) => e.subject.includes('社会保险限期改正通知书'));
      return first && second ? { first, second } : undefined;
    });
    token = { first: tokenOf(mails.first.text), second: tokenOf(mails.second.text) };
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('opens the employer’s notice without an account, records the opening, and shows it to the office', async () => {
    const caseId = cases.get(code.first)!;
    expect(stack.smtp.to(mailbox.first)[0].text).not.toContain(`/compliance-cases/${caseId}/notice`);
    const page = await open(`/notices/${token.first}`, { 'user-agent': 'Mozilla/5.0 (unit accounts office)' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<h1>社会保险限期改正通知书</h1>');
    expect(html).toContain(name.first);
    expect(html).toContain(notices.first);
    expect(html).not.toContain(name.second);

    const kase = await chain.detail(caseId);
    expect(kase.noticeOpenings).toEqual([
      expect.objectContaining({ clientAddress: expect.stringContaining('127.0.0.1'), userAgent: 'Mozilla/5.0 (unit accounts office)', linkExpiresAt: expect.any(String) }),
    ]);
    // Good for DUBAN_NOTICE_LINK_DAYS (7 here) from the notice's issue.
    const expiresAt = Date.parse(kase.noticeOpenings[0].linkExpiresAt);
    expect(Math.abs(expiresAt - (Date.parse(kase.noticeIssuedAt) + 7 * 86_400_000))).toBeLessThan(1000);
    expect((await open(`/notices/${token.first}`)).status).toBe(200);
    expect(await openings(caseId)).toBe(2);
    const history = await stack.http('GET', `/units/${code.first}/enforcement-history`, { token: office.token });
    expect(history.body.events.filter((e: { kind: string }) => e.kind === 'notice_opened')).toHaveLength(2);
  });

  it('opens each case’s own notice only: a token moved to another case, or to a case without a notice, is 404', async () => {
    const second = await (await open(`/notices/${token.second}`)).text();
    expect(second).toContain(name.second);
    expect(second).not.toContain(name.first);
    const secret = stack.config.jwt.secret;
    const firstLink = readNoticeLink(secret, token.first)!;
    expect(firstLink.caseId).toBe(cases.get(code.first));
    // The first token's signature on the second case's id: not Duban's.
    const bytes = Buffer.from(token.first, 'base64url');
    Buffer.from(cases.get(code.second)!.replace(/-/g, ''), 'hex').copy(bytes, 0);
    const moved = await stack.http('GET', `/notices/${bytes.toString('base64url')}`);
    expect(moved.status).toBe(404);
    expect(moved.body.code).toBe('NOTICE_LINK_NOT_FOUND');
    // Signed properly, but for a case that has no notice, or for no case at all.
    const later = new Date(Date.now() + 86_400_000);
    for (const id of [cases.get(code.silent)!, randomUUID()]) expect((await stack.http('GET', `/notices/${signNoticeLink(secret, id, later)}`)).status).toBe(404);
  });

  it('answers 410 once the link has expired, and 404 to anything Duban did not sign, never a 5xx', async () => {
    const caseId = cases.get(code.first)!;
    const before = await openings(caseId);
    const expired = await stack.http('GET', `/notices/${signNoticeLink(stack.config.jwt.secret, caseId, new Date(Date.now() - 1000))}`);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('NOTICE_LINK_EXPIRED');
    const swapped = token.first.slice(0, 30) + (token.first[30] === 'A' ? 'B' : 'A') + token.first.slice(31);
    const wrong = [
      swapped,
      token.first.slice(0, -1),
      `${token.first}A`,
      signNoticeLink('another-secret-that-is-long-enough-0123456789', caseId, new Date(Date.now() + 86_400_000)),
      caseId,
      'x'.repeat(70),
      'x'.repeat(4000),
      '..%2F..%2Fhealth',
      encodeURIComponent('<script>alert(1)</script>'),
    ];
    for (const t of wrong) {
      const answer = await stack.http('GET', `/notices/${t}`);
      expect({ t: t.slice(0, 40), status: answer.status }).toEqual({ t: t.slice(0, 40), status: 404 });
    }
    // A NUL anywhere in a path is refused at the front door, as on every route.
    for (const t of [`${token.first.slice(0, 69)}%00`, '%00']) expect((await stack.http('GET', `/notices/${t}`)).status).toBe(400);
    expect(await openings(caseId)).toBe(before);
  });

  it('opens no other route: not as a bearer token, not as a query, not with another method', async () => {
    const caseId = cases.get(code.first)!;
    const before = await openings(caseId);
    for (const path of [`/compliance-cases/${caseId}/notice`, `/compliance-cases/${caseId}`, '/exposure-list', '/auth/me', `/compliance-cases/${caseId}/evidence`]) {
      expect({ path, status: (await stack.http('GET', path, { token: token.first })).status }).toEqual({ path, status: 401 });
      expect({ path, status: (await stack.http('GET', `${path}?token=${token.first}`)).status }).toEqual({ path, status: 401 });
    }
    const acting = await stack.http('POST', `/compliance-cases/${caseId}/actions`, { token: token.first, body: { action: 'dismiss', reason: '单位自称已整改' } });
    expect(acting.status).toBe(401);
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await stack.http(method, `/notices/${token.first}`, { body: {} })).status).toBe(404);
    expect((await chain.detail(caseId)).state).toBe('notified');
    expect(await openings(caseId)).toBe(before);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { dutyActionUpdate, dutyWorkflowId, type DutyAssignment } from '@duban/workflows';
import { DutyActivitiesService } from '../../apps/worker/src/duties/duty-activities.service';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

const MAX_BYTES = 64 * 1024;

/** A small but well-formed ZIP (stored entries): the shape of a .docx or .xlsx. */
function officeZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const DOCX = officeZip({
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
});
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('duty actions: progress notes, evidence, comments, reassignment and the timeline', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let viewer: { token: string };
  let inspector: { token: string };
  let deptA: Awaited<ReturnType<TestStack['department']>>;
  let deptB: Awaited<ReturnType<TestStack['department']>>;
  let officerA: Awaited<ReturnType<TestStack['userWithToken']>>;
  let officerB: Awaited<ReturnType<TestStack['userWithToken']>>;

  const assign = async (departmentId: string, title: string, dueInMs = 3 * 24 * 3600_000) => {
    const result = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId, title, description: '专项行动督办事项', dueAt: new Date(Date.now() + dueInMs).toISOString() },
    });
    expect(result.status).toBe(201);
    return result.body.id as string;
  };
  const act = (token: string, dutyId: string, action: string, body: object = {}) => stack.http('POST', `/duties/${dutyId}/${action}`, { token, body });
  const duty = async (dutyId: string) => (await stack.http('GET', `/duties/${dutyId}`, { token: office.token })).body;

  /** multipart/form-data, as a browser's form sends it. */
  const upload = async (token: string, dutyId: string, file: { bytes: Buffer; name: string; type?: string; field?: string } | null) => {
    const form = new FormData();
    if (file) form.append(file.field ?? 'file', new Blob([file.bytes], file.type ? { type: file.type } : {}), file.name);
    else form.append('note', 'no file here');
    const response = await fetch(`${stack.baseUrl}/duties/${dutyId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const evidenceCount = async (dutyId: string) => Number((await stack.dataSource.query('SELECT count(*) AS n FROM duty_evidence WHERE duty_id = $1', [dutyId]))[0].n);

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_EVIDENCE_MAX_BYTES: String(MAX_BYTES) });
    office = await stack.userWithToken('office');
    viewer = await stack.userWithToken('viewer');
    inspector = await stack.userWithToken('inspector');
    deptA = await stack.department(office.token);
    deptB = await stack.department(office.token);
    officerA = await stack.userWithToken('department_officer', deptA.id);
    officerB = await stack.userWithToken('department_officer', deptB.id);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('progress notes', () => {
    it('are recorded by the department while it holds the duty, with who and when, and reach the office', async () => {
      const dutyId = await assign(deptA.id, '摸底登记在册企业参保情况');
      expect((await act(officerA.token, dutyId, 'acknowledge')).status).toBe(200);
      const shown = await stack.http('GET', `/duties/${dutyId}`, { token: officerA.token });
      expect(shown.body).toMatchObject({ allowedActions: ['start', 'record_progress'], mayComment: true, mayAddEvidence: true });

      const noted = await act(officerA.token, dutyId, 'progress', { note: '  已完成 60% 企业的摸底  ' });
      expect(noted.status).toBe(200);
      expect(noted.body.state).toBe('acknowledged');
      expect(noted.body.history.at(-1)).toMatchObject({
        seq: 3,
        action: 'record_progress',
        from: 'acknowledged',
        to: 'acknowledged',
        reason: '已完成 60% 企业的摸底',
        actor: { id: officerA.user.id, username: officerA.user.username, role: 'department_officer' },
      });
      expect(Date.parse(noted.body.history.at(-1).occurredAt)).toBeLessThanOrEqual(Date.now());

      const email = await waitFor('the progress e-mail to the office', () =>
        stack.smtp.to(office.user.email!).find((e) => e.subject === '【督办】摸底登记在册企业参保情况：报送了工作进展'),
      );
      expect(email.text).toContain('进展情况：已完成 60% 企业的摸底');
      expect(email.text).toContain(deptA.name);

      // Also while in progress; two notes, two entries.
      expect((await act(officerA.token, dutyId, 'start')).status).toBe(200);
      expect((await act(officerA.token, dutyId, 'progress', { note: '已完成 90%' })).body.history.map((h: any) => h.action)).toEqual([
        'assign',
        'acknowledge',
        'record_progress',
        'start',
        'record_progress',
      ]);
    });

    it('are refused to others, without a note, and once the duty is submitted; nothing changes', async () => {
      const dutyId = await assign(deptA.id, '核查断保人员名单');
      await act(officerA.token, dutyId, 'acknowledge');
      await act(officerA.token, dutyId, 'start');
      const before = await duty(dutyId);

      expect((await act(office.token, dutyId, 'progress', { note: '办公室代记' })).status).toBe(403);
      expect((await act(officerB.token, dutyId, 'progress', { note: '别的部门' })).status).toBe(403);
      expect((await act(viewer.token, dutyId, 'progress', { note: 'x' })).status).toBe(403);
      const empty = await act(officerA.token, dutyId, 'progress', { note: '   ' });
      expect(empty.status).toBe(400);
      expect(Object.keys(empty.body.fields)).toEqual(['note']);
      expect((await act(officerA.token, dutyId, 'progress', {})).status).toBe(400);
      expect((await act(officerA.token, dutyId, 'progress', { note: 'x', extra: 1 })).status).toBe(400);
      expect((await act(officerA.token, randomUUID(), 'progress', { note: 'x' })).status).toBe(404);
      expect((await duty(dutyId)).history).toHaveLength(before.history.length);

      await act(officerA.token, dutyId, 'submit', { result: '已核查 312 人' });
      const late = await act(officerA.token, dutyId, 'progress', { note: '补充说明' });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('DUTY_TRANSITION_FORBIDDEN');
      expect((await duty(dutyId)).history.map((h: any) => h.action)).toEqual(['assign', 'acknowledge', 'start', 'submit']);
    });
  });

  describe('evidence files', () => {
    let dutyId: string;
    let first: any;
    const report = pdf('核查报告 2026');

    beforeAll(async () => {
      dutyId = await assign(deptA.id, '报送欠费企业清理台账');
      await act(officerA.token, dutyId, 'acknowledge');
    });

    it('are stored with checksum, size, type read from the content, name, uploader and time', async () => {
      const uploaded = await upload(officerA.token, dutyId, { bytes: report, name: '欠费清理台账（第一批）.pdf', type: 'application/pdf' });
      expect(uploaded.status).toBe(201);
      first = uploaded.body;
      expect(first).toMatchObject({
        dutyId,
        fileName: '欠费清理台账（第一批）.pdf',
        contentType: 'application/pdf',
        kind: 'pdf',
        sizeBytes: report.length,
        sha256: sha256(report),
        uploadedBy: { id: officerA.user.id, username: officerA.user.username, role: 'department_officer', departmentId: deptA.id },
        downloadPath: `/duties/${dutyId}/evidence/${first.id}`,
      });
      expect(Math.abs(Date.parse(first.uploadedAt) - Date.now())).toBeLessThan(60_000);

      // A Word document and a CSV saved by Excel on Chinese Windows (GB18030).
      const docx = await upload(officerA.token, dutyId, { bytes: DOCX, name: '情况说明.docx', type: 'application/octet-stream' });
      expect(docx.status).toBe(201);
      expect(docx.body).toMatchObject({ kind: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      const gbCsv = Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xc8, 0xcb, 0xca, 0xfd, 0x0a, 0x41, 0x2c, 0x33, 0x0a]);
      const csv = await upload(officerA.token, dutyId, { bytes: gbCsv, name: '名单.csv', type: 'application/vnd.ms-excel' });
      expect(csv.status).toBe(201);
      expect(csv.body).toMatchObject({ kind: 'csv', contentType: 'text/csv; charset=gb18030' });
    });

    it('keeps one copy of the same bytes sent twice to a duty', async () => {
      const again = await upload(officerA.token, dutyId, { bytes: report, name: '重复上传.pdf' });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first);
      const list = await stack.http('GET', `/duties/${dutyId}/evidence`, { token: office.token });
      expect(list.status).toBe(200);
      expect(list.body.map((e: any) => e.fileName)).toEqual(['欠费清理台账（第一批）.pdf', '情况说明.docx', '名单.csv']);
    });

    it('downloads as uploaded, with its UTF-8 name and checksum, to whoever sees the duty', async () => {
      for (const token of [officerA.token, office.token, viewer.token]) {
        const response = await fetch(`${stack.baseUrl}/duties/${dutyId}/evidence/${first.id}`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        const bytes = Buffer.from(await response.arrayBuffer());
        expect(bytes.equals(report)).toBe(true);
        expect(response.headers.get('content-type')).toBe('application/pdf');
        expect(response.headers.get('x-checksum-sha256')).toBe(sha256(report));
        expect(response.headers.get('repr-digest')).toBe(`sha-256=:${createHash('sha256').update(report).digest('base64')}:`);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        const disposition = response.headers.get('content-disposition')!;
        expect(disposition.startsWith('attachment; filename="')).toBe(true);
        const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)![1];
        expect(decodeURIComponent(encoded)).toBe('欠费清理台账（第一批）.pdf');
      }
      const otherDuty = await assign(deptA.id, '另一事项');
      expect((await stack.http('GET', `/duties/${otherDuty}/evidence/${first.id}`, { token: office.token })).status).toBe(404);
      expect((await stack.http('GET', `/duties/${dutyId}/evidence/${randomUUID()}`, { token: office.token })).body.code).toBe('EVIDENCE_NOT_FOUND');
      expect((await stack.http('GET', `/duties/${dutyId}/evidence/not-a-uuid`, { token: office.token })).status).toBe(404);
      expect((await stack.http('GET', `/duties/${dutyId}/evidence/${first.id}`, { token: officerB.token })).status).toBe(403);
      expect((await stack.http('GET', `/duties/${dutyId}/evidence`, { token: inspector.token })).status).toBe(403);
      expect((await stack.http('GET', `/duties/${randomUUID()}/evidence`, { token: office.token })).status).toBe(404);
    });

    it('refuses files that are too large, of the wrong kind or disguised, and stores nothing', async () => {
      const before = await evidenceCount(dutyId);
      const big = await upload(officerA.token, dutyId, { bytes: Buffer.concat([pdf('big'), Buffer.alloc(MAX_BYTES, 0x20)]), name: '大文件.pdf' });
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', message: 'The file is larger than the limit of 64 KiB for evidence' });

      // The start of a Windows executable: "MZ", then a DOS header full of zero bytes.
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), Buffer.alloc(200)]);
      const disguised = await upload(officerA.token, dutyId, { bytes: exe, name: '报告.pdf', type: 'application/pdf' });
      expect(disguised.status).toBe(415);
      expect(disguised.body.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
      expect(disguised.body.message).toContain('not an allowed kind of evidence');

      const renamed = await upload(officerA.token, dutyId, { bytes: pdf('renamed'), name: '照片.png' });
      expect(renamed.status).toBe(415);
      expect(renamed.body.message).toBe('"照片.png" is a PDF document by its content, but its name ends in .png');
      const mislabelled = await upload(officerA.token, dutyId, { bytes: pdf('label'), name: 'scan', type: 'image/jpeg' });
      expect(mislabelled.status).toBe(415);
      const html = await upload(officerA.token, dutyId, { bytes: Buffer.from('<script>alert(1)</script>'), name: 'x.html', type: 'text/html' });
      expect(html.status).toBe(415);

      const empty = await upload(officerA.token, dutyId, { bytes: Buffer.alloc(0), name: '空.txt' });
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('EVIDENCE_INVALID');
      const noFile = await upload(officerA.token, dutyId, null);
      expect(noFile.status).toBe(400);
      expect(Object.keys(noFile.body.fields)).toEqual(['file']);
      const wrongField = await upload(officerA.token, dutyId, { bytes: report, name: 'a.pdf', field: 'attachment' });
      expect(wrongField.status).toBe(400);
      expect(wrongField.body.fields.file[0]).toContain('"file"');
      const json = await stack.http('POST', `/duties/${dutyId}/evidence`, { token: officerA.token, body: { file: 'x' } });
      expect(json.status).toBe(400);
      expect(await evidenceCount(dutyId)).toBe(before);
    });

    it('are added only by the duty’s department while it holds the duty', async () => {
      const before = await evidenceCount(dutyId);
      const file = { bytes: pdf('who'), name: 'who.pdf' };
      expect((await upload(office.token, dutyId, file)).status).toBe(403);
      expect((await upload(viewer.token, dutyId, file)).status).toBe(403);
      expect((await upload(inspector.token, dutyId, file)).status).toBe(403);
      expect((await upload(officerB.token, dutyId, file)).status).toBe(403);
      expect((await upload(officerA.token, randomUUID(), file)).status).toBe(404);
      const submittedDuty = await assign(deptA.id, '已提交的事项');
      await act(officerA.token, submittedDuty, 'acknowledge');
      await act(officerA.token, submittedDuty, 'start');
      await act(officerA.token, submittedDuty, 'submit', { result: '已办结' });
      const closed = await upload(officerA.token, submittedDuty, file);
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('DUTY_NOT_WITH_DEPARTMENT');
      expect(await evidenceCount(dutyId)).toBe(before);
      expect(await evidenceCount(submittedDuty)).toBe(0);
    });

    it('may be named by the submission, which records them; unknown or foreign ids are refused', async () => {
      await act(officerA.token, dutyId, 'start');
      const list = (await stack.http('GET', `/duties/${dutyId}/evidence`, { token: officerA.token })).body;
      const otherDuty = await assign(deptA.id, '别的事项的附件');
      await act(officerA.token, otherDuty, 'acknowledge');
      const foreign = (await upload(officerA.token, otherDuty, { bytes: pdf('foreign'), name: 'foreign.pdf' })).body;
      const before = await duty(dutyId);

      const unknown = await act(officerA.token, dutyId, 'submit', { result: '已清理', evidenceIds: [randomUUID()] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('EVIDENCE_NOT_OF_DUTY');
      expect((await act(officerA.token, dutyId, 'submit', { result: '已清理', evidenceIds: [foreign.id] })).status).toBe(400);
      const malformed = await act(officerA.token, dutyId, 'submit', { result: '已清理', evidenceIds: ['nope'] });
      expect(malformed.status).toBe(400);
      expect(Object.keys(malformed.body.fields)).toEqual(['evidenceIds']);
      expect((await act(officerA.token, dutyId, 'submit', { result: '已清理', evidenceIds: [list[0].id, list[0].id] })).status).toBe(400);
      expect((await duty(dutyId)).history).toHaveLength(before.history.length);

      const submitted = await act(officerA.token, dutyId, 'submit', { result: '已清理欠费企业 48 户', evidenceIds: [list[0].id, list[1].id] });
      expect(submitted.status).toBe(200);
      expect(submitted.body.state).toBe('submitted');
      expect(submitted.body.history.at(-1)).toMatchObject({ action: 'submit', evidenceIds: [list[0].id, list[1].id] });
      expect(submitted.body.mayAddEvidence).toBe(false);
    });
  });

  describe('comments', () => {
    it('are written by the office and the duty’s department, read by viewers, and closed to others', async () => {
      const dutyId = await assign(deptA.id, '宣传发动工作方案');
      const fromOffice = await stack.http('POST', `/duties/${dutyId}/comments`, { token: office.token, body: { text: '请补充各街道分工。' } });
      expect(fromOffice.status).toBe(201);
      expect(fromOffice.body).toMatchObject({
        dutyId,
        text: '请补充各街道分工。',
        author: { id: office.user.id, username: office.user.username, role: 'office', departmentId: null },
      });
      const fromDept = await stack.http('POST', `/duties/${dutyId}/comments`, { token: officerA.token, body: { text: ' 已补充，见附件。 ' } });
      expect(fromDept.status).toBe(201);
      expect(fromDept.body.author).toMatchObject({ role: 'department_officer', departmentId: deptA.id });

      const read = await stack.http('GET', `/duties/${dutyId}/comments`, { token: viewer.token });
      expect(read.status).toBe(200);
      expect(read.body.map((c: any) => [c.author.username, c.text])).toEqual([
        [office.user.username, '请补充各街道分工。'],
        [officerA.user.username, '已补充，见附件。'],
      ]);
      expect(Date.parse(read.body[0].createdAt)).toBeLessThanOrEqual(Date.parse(read.body[1].createdAt));

      const viewerWrites = await stack.http('POST', `/duties/${dutyId}/comments`, { token: viewer.token, body: { text: '领导批示' } });
      expect(viewerWrites.status).toBe(403);
      expect(viewerWrites.body.code).toBe('ACTION_NOT_PERMITTED');
      for (const token of [inspector.token, officerB.token]) {
        expect((await stack.http('POST', `/duties/${dutyId}/comments`, { token, body: { text: '看看' } })).status).toBe(403);
        expect((await stack.http('GET', `/duties/${dutyId}/comments`, { token })).status).toBe(403);
      }
      expect((await stack.http('POST', `/duties/${randomUUID()}/comments`, { token: office.token, body: { text: '?' } })).status).toBe(404);
      expect((await stack.http('GET', `/duties/not-a-uuid/comments`, { token: office.token })).status).toBe(404);
      const blank = await stack.http('POST', `/duties/${dutyId}/comments`, { token: office.token, body: { text: '  ' } });
      expect(blank.status).toBe(400);
      expect(Object.keys(blank.body.fields)).toEqual(['text']);
      // Not a change of state: the duty's history is untouched.
      expect((await duty(dutyId)).history).toHaveLength(1);
      expect((await stack.http('GET', `/duties/${dutyId}/comments`, { token: office.token })).body).toHaveLength(2);
      expect((await stack.http('GET', `/duties/${dutyId}`, { token: viewer.token })).body.mayComment).toBe(false);
    });
  });

  describe('reassignment', () => {
    it('is refused to anyone but the office, without a reason, to the same or an unknown department, and once closed', async () => {
      const dutyId = await assign(deptA.id, '改派校验');
      const before = await duty(dutyId);
      const body = { departmentId: deptB.id, reason: '职责调整' };
      expect((await act(officerA.token, dutyId, 'reassign', body)).status).toBe(403);
      expect((await act(viewer.token, dutyId, 'reassign', body)).status).toBe(403);
      const same = await act(office.token, dutyId, 'reassign', { departmentId: deptA.id, reason: '职责调整' });
      expect(same.status).toBe(400);
      expect(same.body.code).toBe('DUTY_REASSIGN_TARGET_INVALID');
      const unknown = await act(office.token, dutyId, 'reassign', { departmentId: randomUUID(), reason: '职责调整' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('DEPARTMENT_NOT_FOUND');
      const noReason = await act(office.token, dutyId, 'reassign', { departmentId: deptB.id });
      expect(noReason.status).toBe(400);
      expect(Object.keys(noReason.body.fields)).toEqual(['reason']);
      expect((await act(office.token, dutyId, 'reassign', { departmentId: 'B', reason: 'x' })).body.fields).toHaveProperty('departmentId');
      expect((await act(office.token, randomUUID(), 'reassign', body)).status).toBe(404);
      expect(await duty(dutyId)).toMatchObject({ history: before.history, department: { id: deptA.id } });

      await act(office.token, dutyId, 'cancel', { reason: '不再需要' });
      const closed = await act(office.token, dutyId, 'reassign', body);
      expect(closed.status).toBe(409);
      expect((await duty(dutyId)).department.id).toBe(deptA.id);
    });

    it('moves an overdue duty to another department, which acknowledges afresh; the old one can no longer act; the timeline tells it all', async () => {
      const dueAt = new Date(Date.now() + 12_000);
      const created = await stack.http('POST', '/duties', {
        token: office.token,
        body: { departmentId: deptA.id, title: '清理建筑业欠费企业', description: '核查并追缴', dueAt: dueAt.toISOString() },
      });
      const dutyId: string = created.body.id;
      await act(officerA.token, dutyId, 'acknowledge');
      await act(officerA.token, dutyId, 'progress', { note: '已梳理欠费企业名单' });
      const fileA = (await upload(officerA.token, dutyId, { bytes: pdf('A 部门的材料'), name: '名单.pdf' })).body;
      await stack.http('POST', `/duties/${dutyId}/comments`, { token: office.token, body: { text: '此事项涉及建设部门职责。' } });

      // The clock runs: reminder, then overdue.
      await waitFor('the overdue mark', async () => (await duty(dutyId)).overdue === true, { timeoutMs: 30_000 });
      await waitFor('the overdue e-mail', () => stack.smtp.to(deptA.liaisonEmail).some((e) => e.subject.startsWith('【催办】') && e.subject.includes('清理建筑业欠费企业')));

      const reassigned = await act(office.token, dutyId, 'reassign', { departmentId: deptB.id, reason: '属建设部门职责，改由其办理' });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body).toMatchObject({
        state: 'assigned',
        department: { id: deptB.id, code: deptB.code },
        dueAt: dueAt.toISOString(),
        overdue: true,
        allowedActions: ['cancel', 'extend', 'remind', 'reassign'],
      });
      expect(reassigned.body.history.at(-1)).toMatchObject({
        action: 'reassign',
        from: 'acknowledged',
        to: 'assigned',
        fromDepartmentId: deptA.id,
        toDepartmentId: deptB.id,
        reason: '属建设部门职责，改由其办理',
        actor: { id: office.user.id, role: 'office' },
      });

      // The new liaison is asked to acknowledge; the old one is told.
      const toNew = await waitFor('the e-mail to the new department', () =>
        stack.smtp.to(deptB.liaisonEmail).find((e) => e.subject === '【督办】改派督办事项：清理建筑业欠费企业'),
      );
      expect(toNew.text).toContain(`由${deptA.name}改派贵单位办理，请及时签收`);
      expect(toNew.text).toContain('原因：属建设部门职责，改由其办理');
      expect(toNew.to).toEqual([deptB.liaisonEmail]);
      const toOld = await waitFor('the e-mail to the old department', () =>
        stack.smtp.to(deptA.liaisonEmail).find((e) => e.subject === '【督办】督办事项已改派：清理建筑业欠费企业'),
      );
      expect(toOld.text).toContain(`已由领导小组办公室改派${deptB.name}办理，贵单位不再承办`);
      expect(toOld.to).toEqual([deptA.liaisonEmail]);

      const live = await stack.http('GET', `/duties/${dutyId}/live`, { token: office.token });
      expect(live.body).toMatchObject({ departmentId: deptB.id, state: 'assigned', overdue: true });

      // The old department can no longer see or act; the workflow itself refuses it too.
      expect((await stack.http('GET', `/duties/${dutyId}`, { token: officerA.token })).status).toBe(403);
      expect((await act(officerA.token, dutyId, 'acknowledge')).status).toBe(403);
      expect((await upload(officerA.token, dutyId, { bytes: pdf('late'), name: 'late.pdf' })).status).toBe(403);
      const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(dutyId));
      await expect(
        handle.executeUpdate(dutyActionUpdate, {
          args: [{ action: 'acknowledge', actor: { userId: officerA.user.id, username: officerA.user.username, role: 'department_officer', departmentId: deptA.id } }],
        }),
      ).rejects.toMatchObject({ cause: { type: 'ACTION_NOT_PERMITTED' } });

      // The new department works it through; the office accepts.
      const inbox = await stack.http('GET', `/duties/${dutyId}`, { token: officerB.token });
      expect(inbox.body.allowedActions).toEqual(['acknowledge', 'record_progress']);
      expect((await act(officerB.token, dutyId, 'acknowledge', { note: '已签收' })).body.state).toBe('acknowledged');
      await act(officerB.token, dutyId, 'start');
      const fileB = (await upload(officerB.token, dutyId, { bytes: DOCX, name: '清理情况.docx' })).body;
      const submitted = await act(officerB.token, dutyId, 'submit', { result: '已清理 12 户', evidenceIds: [fileA.id, fileB.id] });
      expect(submitted.status).toBe(200);
      expect((await act(office.token, dutyId, 'accept')).body.state).toBe('accepted');
      expect(await handle.result()).toEqual({ state: 'accepted' });
      await recordHistoryIfAsked(handle, 'duty-workflow.reassigned-after-overdue');

      // The timeline: everything, in order, each with who, when and what.
      for (const token of [officerA.token, inspector.token]) {
        expect((await stack.http('GET', `/duties/${dutyId}/timeline`, { token })).status).toBe(403);
      }
      expect((await stack.http('GET', `/duties/${randomUUID()}/timeline`, { token: office.token })).status).toBe(404);
      const timeline = await waitFor('every e-mail on the timeline as sent', async () => {
        const result = await stack.http('GET', `/duties/${dutyId}/timeline`, { token: viewer.token });
        expect(result.status).toBe(200);
        const entries = result.body.entries as any[];
        return entries.filter((e) => e.kind === 'email').every((e) => e.what === 'email_sent') && entries.some((e) => e.details.key === `duty:${dutyId}:transition:8`) && entries;
      });
      const times = timeline.map((e: any) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const entry of timeline) {
        expect(entry).toEqual(
          expect.objectContaining({
            at: expect.any(String),
            kind: expect.any(String),
            what: expect.any(String),
            who: expect.objectContaining({ username: expect.any(String), role: expect.any(String) }),
          }),
        );
      }
      const steps = timeline.filter((e: any) => e.kind !== 'email').map((e: any) => `${e.kind}:${e.what}`);
      expect(steps).toEqual([
        'transition:assign',
        'transition:acknowledge',
        'transition:record_progress',
        'evidence:evidence_added',
        'comment:comment',
        'reminder:reminder',
        'escalation:overdue',
        'transition:reassign',
        'transition:acknowledge',
        'transition:start',
        'evidence:evidence_added',
        'transition:submit',
        'transition:accept',
      ]);
      const entry = (what: string) => timeline.find((e: any) => e.what === what);
      expect(entry('reassign')).toMatchObject({
        who: { id: office.user.id, username: office.user.username, role: 'office' },
        from: 'acknowledged',
        to: 'assigned',
        fromDepartment: { id: deptA.id, code: deptA.code, name: deptA.name },
        toDepartment: { id: deptB.id, code: deptB.code, name: deptB.name },
        why: '属建设部门职责，改由其办理',
      });
      expect(entry('record_progress')).toMatchObject({ who: { id: officerA.user.id }, why: null, details: { note: '已梳理欠费企业名单' } });
      expect(entry('reminder')).toMatchObject({ who: { username: 'system', role: 'system' }, toDepartment: { id: deptA.id }, details: { dueAt: dueAt.toISOString() } });
      expect(entry('overdue')).toMatchObject({ kind: 'escalation', who: { role: 'system' }, details: { notified: ['department_liaison', 'office'] } });
      expect(entry('comment')).toMatchObject({ who: { id: office.user.id, role: 'office' }, details: { text: '此事项涉及建设部门职责。' } });
      expect(entry('submit')).toMatchObject({
        who: { id: officerB.user.id },
        details: {
          result: '已清理 12 户',
          evidence: [
            { id: fileA.id, fileName: '名单.pdf' },
            { id: fileB.id, fileName: '清理情况.docx' },
          ],
        },
      });
      const emails = timeline.filter((e: any) => e.kind === 'email').map((e: any) => e.details.key);
      expect(emails).toEqual(
        expect.arrayContaining([
          `duty:${dutyId}:assigned`,
          `duty:${dutyId}:transition:3`,
          `duty:${dutyId}:reminder:${dueAt.getTime()}`,
          `duty:${dutyId}:escalation:overdue:${dueAt.getTime()}`,
          `duty:${dutyId}:transition:4`,
          `duty:${dutyId}:transition:4:previous`,
        ]),
      );
      expect(timeline.find((e: any) => e.details.key === `duty:${dutyId}:transition:4:previous`).details.recipients).toEqual([deptA.liaisonEmail]);
    });
  });

  describe('activities run twice (a retry after a lost completion)', () => {
    it('record a reassignment and a reminder once, and a stale retry does not move the duty back', async () => {
      const activities = stack.workerApp.get(DutyActivitiesService);
      const assignment: DutyAssignment = {
        dutyId: randomUUID(),
        departmentId: deptA.id,
        title: '重复执行的改派',
        description: '',
        assignedAt: Date.now(),
        dueAt: Date.now() + 3600_000,
        assignedBy: { userId: office.user.id, username: office.user.username, role: 'office', departmentId: null },
      };
      await activities.recordDutyAssigned(assignment);
      const actor = assignment.assignedBy;
      const reassign = {
        dutyId: assignment.dutyId,
        seq: 2,
        action: 'reassign' as const,
        from: 'assigned' as const,
        to: 'assigned' as const,
        actor,
        reason: '职责调整',
        fromDepartmentId: deptA.id,
        toDepartmentId: deptB.id,
        occurredAt: Date.now(),
      };
      const back = { ...reassign, seq: 3, reason: '改回', fromDepartmentId: deptB.id, toDepartmentId: deptA.id };
      await activities.recordDutyTransition(reassign);
      await activities.recordDutyTransition(back);
      await activities.recordDutyTransition(reassign);
      const rows = await stack.dataSource.query('SELECT seq, from_department_id, to_department_id FROM duty_transitions WHERE duty_id = $1 ORDER BY seq', [assignment.dutyId]);
      expect(rows.map((r: any) => [r.seq, r.from_department_id, r.to_department_id])).toEqual([
        [1, null, null],
        [2, deptA.id, deptB.id],
        [3, deptB.id, deptA.id],
      ]);
      const [row] = await stack.dataSource.query('SELECT department_id FROM duties WHERE id = $1', [assignment.dutyId]);
      expect(row.department_id).toBe(deptA.id);

      const reminded = { dutyId: assignment.dutyId, dueAt: assignment.dueAt, remindedAt: Date.now() };
      await activities.recordDutyReminded(reminded);
      await activities.recordDutyReminded({ ...reminded, remindedAt: reminded.remindedAt + 5 });
      const reminders = await stack.dataSource.query('SELECT department_id, reminded_at FROM duty_reminders WHERE duty_id = $1', [assignment.dutyId]);
      expect(reminders).toHaveLength(1);
      expect(reminders[0].department_id).toBe(deptA.id);
    });
  });
});

import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { parseCsv } from '../support/table-download';

const DAY = 24 * 3600 * 1000;

/** yyyy-MM-dd HH:mm:ss in Beijing time. */
const beijing = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

/** Time compressed (one working day = 2 s) so duties go overdue within seconds. */
describe('duty views: inbox, the office overview, the overdue list, CSV, bulk actions', () => {
  let stack: TestStack;
  let office: { token: string; user: { id: string; username: string } };
  let viewer: { token: string };
  let inspector: { token: string };
  let deptA: { id: string; code: string; name: string };
  let deptB: { id: string; code: string; name: string };
  let district1: { id: string; name: string };
  let district2: { id: string; name: string };
  let officerA: { token: string };
  let officerB: { token: string };
  const campaignId = randomUUID();
  const phase1 = randomUUID();
  const phase2 = randomUUID();
  // Department A's duties a1..a5 and department B's b1..b3, described where they are made.
  const ids: Record<string, string> = {};
  const dueAts: Record<string, string> = {};

  const assign = async (departmentId: string, title: string, dueAt: Date) => {
    const result = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId, title, description: '', dueAt: dueAt.toISOString() },
    });
    expect(result.status).toBe(201);
    return result.body as { id: string; dueAt: string };
  };

  const act = async (token: string, dutyId: string, action: string, body: object = {}) => {
    const result = await stack.http('POST', `/duties/${dutyId}/${action}`, { token, body });
    expect({ action, status: result.status, body: result.body }).toMatchObject({ action, status: 200 });
    return result.body;
  };

  /** What a campaign phase's fan-out would have set on the duty (that feature is built elsewhere). */
  const placeInCampaign = (dutyId: string, phaseId: string | null, districtId: string | null, late = false) =>
    stack.dataSource.query(`UPDATE duties SET campaign_id = $2, phase_id = $3, district_id = $4, late = $5 WHERE id = $1`, [
      dutyId,
      phaseId ? campaignId : null,
      phaseId,
      districtId,
      late,
    ]);

  const district = async () => {
    const code = `X${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    const result = await stack.http('POST', '/departments', {
      token: office.token,
      body: {
        code,
        name: `测试县${code}`,
        kind: 'district',
        liaisonEmail: `${code.toLowerCase()}-liaison@duban.test`,
        headEmail: `${code.toLowerCase()}-head@duban.test`,
      },
    });
    expect(result.status).toBe(201);
    return result.body as { id: string; name: string };
  };

  const raw = async (path: string, token: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      bytes,
      text: bytes.toString('utf8'),
    };
  };

  const get = (path: string, token: string) => stack.http('GET', path, { token });
  const itemIds = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '2' });
    office = await stack.userWithToken('office');
    viewer = await stack.userWithToken('viewer');
    inspector = await stack.userWithToken('inspector');
    deptA = await stack.department(office.token);
    deptB = await stack.department(office.token);
    district1 = await district();
    district2 = await district();
    officerA = await stack.userWithToken('department_officer', deptA.id);
    officerB = await stack.userWithToken('department_officer', deptB.id);

    await stack.dataSource.query(
      `INSERT INTO campaigns (id, name, jurisdiction_name, jurisdiction_level, period_start, period_end, legal_basis_title,
                              legal_basis_number, status, leading_group, targets, clock_policy, workflow_id, created_by,
                              created_at, updated_at)
       VALUES ($1, '2026年全民参保扩面专项行动', '衡阳市', 'city', '2026-05-01', '2026-11-30', '扩面专项行动实施方案',
               '衡政办发〔2026〕1号', 'active', '{}', '[]', '{}', $2, $3, now(), now())`,
      [campaignId, `campaign-${campaignId}`, office.user.id],
    );
    for (const [id, seq, name] of [
      [phase1, 1, '第一轮专项行动'],
      [phase2, 2, '第二轮专项行动'],
    ] as const) {
      await stack.dataSource.query(
        `INSERT INTO campaign_phases (id, campaign_id, seq, kind, round, name, window_start, window_end, status, workflow_id)
         VALUES ($1, $2, $3, 'special_operation', $3, $4, '2026-06-01', '2026-07-30', 'open', $5)`,
        [id, campaignId, seq, name, `phase-${id}`],
      );
    }

    const now = Date.now();
    const spec: Array<[string, string, string, number]> = [
      ['a1', deptA.id, 'A-报送新登记市场主体名单', now + 3 * DAY],
      ['a2', deptA.id, 'B-核查企业欠费', now + 4 * DAY],
      ['a3', deptA.id, 'C-宣传发动', now + 5 * DAY],
      ['a4', deptA.id, 'D-数据比对', now + 5 * DAY], // the same due time as a3: the tie breaks by id
      ['a5', deptA.id, 'E-摸底登记', now + 6 * DAY],
      ['b1', deptB.id, 'A-清理欠费', now + 3 * DAY],
      ['b2', deptB.id, 'B-按期办结的事项', now + 3 * DAY],
    ];
    // a3 and a4 must share a due time to the millisecond.
    const sharedDue = new Date(now + 5 * DAY);
    for (const [key, departmentId, title, due] of spec) {
      const duty = await assign(departmentId, title, key === 'a3' || key === 'a4' ? sharedDue : new Date(due));
      ids[key] = duty.id;
      dueAts[key] = duty.dueAt;
    }
    // b3 is accepted after its due time: due in two seconds, submitted at once, accepted later.
    const b3 = await assign(deptB.id, 'C-超期办结的事项', new Date(Date.now() + 2_000));
    ids.b3 = b3.id;

    await act(officerA.token, ids.a1, 'acknowledge');
    await act(officerA.token, ids.a2, 'acknowledge');
    await act(officerA.token, ids.a2, 'start');
    await act(office.token, ids.a5, 'cancel', { reason: '并入其他事项' });
    // b2: returned once, then accepted before its due time.
    await act(officerB.token, ids.b2, 'acknowledge');
    await act(officerB.token, ids.b2, 'start');
    await act(officerB.token, ids.b2, 'submit', { result: '已报送' });
    await act(office.token, ids.b2, 'return', { reason: '缺少附件' });
    await act(officerB.token, ids.b2, 'submit', { result: '已补充附件' });
    await act(office.token, ids.b2, 'accept');
    await act(officerB.token, ids.b3, 'acknowledge');
    await act(officerB.token, ids.b3, 'start');
    await act(officerB.token, ids.b3, 'submit', { result: '已完成' });
    await waitFor('b3 to be past its due time', () => Date.now() > Date.parse(b3.dueAt) + 100);
    await act(office.token, ids.b3, 'accept');

    await placeInCampaign(ids.a1, phase1, district1.id);
    await placeInCampaign(ids.a2, phase1, district2.id, true);
    await placeInCampaign(ids.a3, phase2, district1.id);
    await placeInCampaign(ids.a5, phase2, null);
    await placeInCampaign(ids.b1, phase1, district1.id);
    await placeInCampaign(ids.b2, phase1, district2.id);
    await placeInCampaign(ids.b3, phase1, district2.id);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('the office overview of duties', () => {
    it('lists with campaign, phase, district (with names), late, overdue and returns, and counts per state', async () => {
      const result = await get(`/overview/duties?departmentId=${deptA.id}`, office.token);
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ total: 5, limit: 50, offset: 0, sort: { key: 'dueAt', order: 'asc' } });
      expect(result.body.countsByState).toEqual({
        assigned: 2,
        acknowledged: 1,
        in_progress: 1,
        submitted: 0,
        returned: 0,
        accepted: 0,
        cancelled: 1,
      });
      const a2 = result.body.items.find((item: any) => item.id === ids.a2);
      expect(a2).toEqual({
        id: ids.a2,
        title: 'B-核查企业欠费',
        state: 'in_progress',
        departmentId: deptA.id,
        departmentCode: deptA.code,
        departmentName: deptA.name,
        campaignId,
        campaignName: '2026年全民参保扩面专项行动',
        phaseId: phase1,
        phaseName: '第一轮专项行动',
        districtId: district2.id,
        districtName: district2.name,
        sectorKey: null,
        dueAt: dueAts.a2,
        assignedAt: expect.any(String),
        updatedAt: expect.any(String),
        closedAt: null,
        overdue: false,
        overdueSince: null,
        late: true,
        returnCount: 0,
      });
      const b2 = (await get(`/overview/duties?departmentId=${deptB.id}&state=accepted&sort=title`, office.token)).body.items[0];
      expect(b2).toMatchObject({ id: ids.b2, returnCount: 1, closedAt: expect.any(String) });
    });

    it('filters by state (one or several), campaign, phase, district, late, overdue and due time; counts ignore the state filter', async () => {
      const base = `/overview/duties?departmentId=${deptA.id}`;
      const several = await get(`${base}&state=acknowledged,in_progress`, office.token);
      expect(itemIds(several.body)).toEqual([ids.a1, ids.a2]);
      expect(several.body.total).toBe(2);
      expect(several.body.countsByState).toMatchObject({ assigned: 2, acknowledged: 1, in_progress: 1, cancelled: 1 });
      expect(itemIds((await get(`${base}&state=acknowledged&state=in_progress`, office.token)).body)).toEqual([ids.a1, ids.a2]);
      expect(itemIds((await get(`${base}&state=cancelled`, office.token)).body)).toEqual([ids.a5]);

      expect(itemIds((await get(`${base}&campaignId=${campaignId}`, office.token)).body)).toEqual([ids.a1, ids.a2, ids.a3, ids.a5]);
      expect(itemIds((await get(`${base}&phaseId=${phase2}`, office.token)).body)).toEqual([ids.a3, ids.a5]);
      expect(itemIds((await get(`${base}&districtId=${district1.id}`, office.token)).body)).toEqual([ids.a1, ids.a3]);
      expect(itemIds((await get(`${base}&late=true`, office.token)).body)).toEqual([ids.a2]);
      expect((await get(`${base}&late=false`, office.token)).body.total).toBe(4);
      expect((await get(`${base}&overdue=true`, office.token)).body.total).toBe(0);
      expect((await get(`${base}&overdue=false`, office.token)).body.total).toBe(5);

      const at = (days: number) => encodeURIComponent(new Date(Date.parse(dueAts.a1) + days * DAY).toISOString());
      expect(itemIds((await get(`${base}&dueBefore=${at(1.5)}`, office.token)).body)).toEqual([ids.a1, ids.a2]);
      expect((await get(`${base}&dueAfter=${at(1.5)}`, office.token)).body.total).toBe(3);
      const window = await get(`${base}&dueAfter=${at(0.5)}&dueBefore=${at(2.5)}`, office.token);
      expect(window.body.items.map((item: any) => item.title).sort()).toEqual(['B-核查企业欠费', 'C-宣传发动', 'D-数据比对']);
      // Inclusive at the start, exclusive at the end.
      expect(itemIds((await get(`${base}&dueAfter=${encodeURIComponent(dueAts.a1)}&dueBefore=${encodeURIComponent(dueAts.a2)}`, office.token)).body)).toEqual([ids.a1]);

      // Across departments: the campaign's first phase, in both.
      const phase = await get(`/overview/duties?phaseId=${phase1}&sort=title`, office.token);
      expect(phase.body.items.map((item: any) => item.id).sort()).toEqual([ids.a1, ids.a2, ids.b1, ids.b2, ids.b3].sort());
    });

    it('sorts by due time, assigned time, last change, title and department, both ways, ties broken by id', async () => {
      const base = `/overview/duties?departmentId=${deptA.id}`;
      const [first, second] = [ids.a3, ids.a4].sort();
      expect(itemIds((await get(base, office.token)).body)).toEqual([ids.a1, ids.a2, first, second, ids.a5]);
      expect(itemIds((await get(`${base}&sort=dueAt&order=desc`, office.token)).body)).toEqual([ids.a5, second, first, ids.a2, ids.a1]);
      expect(itemIds((await get(`${base}&sort=title`, office.token)).body)).toEqual([ids.a1, ids.a2, ids.a3, ids.a4, ids.a5]);
      expect(itemIds((await get(`${base}&sort=title&order=desc`, office.token)).body)).toEqual([ids.a5, ids.a4, ids.a3, ids.a2, ids.a1]);
      expect(itemIds((await get(`${base}&sort=assignedAt`, office.token)).body)).toEqual([ids.a1, ids.a2, ids.a3, ids.a4, ids.a5]);
      // Last change: a5 was cancelled last, a2 started before it, a1 acknowledged before that.
      expect(itemIds((await get(`${base}&sort=updatedAt&order=desc`, office.token)).body).slice(0, 3)).toEqual([ids.a5, ids.a2, ids.a1]);

      const byDepartment = async (order: string) =>
        (await get(`/overview/duties?phaseId=${phase1}&sort=department&order=${order}`, office.token)).body.items.map((item: any) => item.departmentId);
      const asc = await byDepartment('asc');
      const desc = await byDepartment('desc');
      const runs = (list: string[]) => list.filter((id, i) => i === 0 || list[i - 1] !== id);
      expect(runs(asc)).toHaveLength(2); // each department's duties together
      expect(runs(desc)).toEqual(runs(asc).reverse());
      expect(runs(asc)).toEqual([deptA, deptB].sort((x, y) => (x.name < y.name ? -1 : 1)).map((d) => d.id));
    });

    it('pages with limit and offset and always gives the total', async () => {
      const base = `/overview/duties?departmentId=${deptA.id}&sort=title`;
      const pages = [];
      for (const offset of [0, 2, 4]) {
        const page = await get(`${base}&limit=2&offset=${offset}`, office.token);
        expect(page.body).toMatchObject({ total: 5, limit: 2, offset });
        pages.push(...itemIds(page.body));
      }
      expect(pages).toEqual([ids.a1, ids.a2, ids.a3, ids.a4, ids.a5]);
      expect((await get(`${base}&limit=2&offset=10`, office.token)).body).toMatchObject({ total: 5, items: [] });
    });

    it.each([
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['state=bogus', 'state'],
      ['state=assigned,bogus', 'state'],
      ['sort=id;DROP TABLE duties', 'sort'],
      ['order=sideways', 'order'],
      ['dueBefore=tomorrow', 'dueBefore'],
      ['campaignId=not-a-uuid', 'campaignId'],
      ['overdue=maybe', 'overdue'],
      ['format=pdf', 'format'],
      ['colour=red', 'colour'],
    ])('refuses %s with 400 naming the field', async (query, field) => {
      const result = await get(`/overview/duties?${query}`, office.token);
      expect(result.status).toBe(400);
      expect(Object.keys(result.body.fields)).toContain(field);
    });

    it('keeps GET /duties working', async () => {
      const result = await get(`/duties?departmentId=${deptA.id}`, office.token);
      expect(result.status).toBe(200);
      expect(result.body.total).toBe(5);
      expect(result.body.items.find((item: any) => item.id === ids.a2)).toMatchObject({
        campaignId,
        phaseId: phase1,
        districtId: district2.id,
        late: true,
        overdue: false,
        returnCount: 0,
      });
    });
  });

  describe('who sees what', () => {
    it("gives a department officer their own department's inbox, open duties first by due time", async () => {
      const inbox = await get('/inbox', officerA.token);
      expect(inbox.status).toBe(200);
      expect(inbox.body.department).toEqual({ id: deptA.id, code: deptA.code, name: deptA.name });
      expect(itemIds(inbox.body)).toEqual([ids.a1, ids.a2, ...[ids.a3, ids.a4].sort()]);
      expect(inbox.body.countsByState.cancelled).toBe(1);
      expect(itemIds((await get('/inbox?state=cancelled', officerA.token)).body)).toEqual([ids.a5]);
      expect(itemIds((await get(`/inbox?departmentId=${deptA.id}&late=true`, officerA.token)).body)).toEqual([ids.a2]);
      // The overview too is the officer's own department only.
      const overview = await get('/overview/duties', officerA.token);
      expect(overview.body.total).toBe(5);
      expect(new Set(overview.body.items.map((item: any) => item.departmentId))).toEqual(new Set([deptA.id]));
    });

    it.each(['/inbox', '/overview/duties', '/overview/overdue'])("refuses an officer another department's %s with 403", async (path) => {
      const result = await get(`${path}?departmentId=${deptB.id}`, officerA.token);
      expect(result.status).toBe(403);
      expect(result.body.code).toBe('ACTION_NOT_PERMITTED');
    });

    it.each(['/inbox', '/overview/duties', '/overview/departments', '/overview/overdue', '/overview/duties?format=csv'])('refuses an inspector %s with 403', async (path) => {
      expect((await get(path, inspector.token)).status).toBe(403);
    });

    it('lets a viewer read any department, and asks which one for an inbox', async () => {
      expect((await get(`/inbox?departmentId=${deptB.id}`, viewer.token)).body).toMatchObject({ total: 1, department: { id: deptB.id } });
      expect((await get(`/overview/duties?departmentId=${deptA.id}`, viewer.token)).body.total).toBe(5);
      const noDepartment = await get('/inbox', viewer.token);
      expect(noDepartment.status).toBe(400);
      expect(noDepartment.body.fields).toHaveProperty('departmentId');
      expect((await get(`/inbox?departmentId=${randomUUID()}`, office.token)).status).toBe(404);
    });
  });

  describe('the office view across departments', () => {
    const zero = { assigned: 0, acknowledged: 0, in_progress: 0, submitted: 0, returned: 0, accepted: 0, cancelled: 0 };

    it('counts per department: states, open, overdue, late, returns, on time and late among accepted', async () => {
      const result = await get(`/overview/departments?campaignId=${campaignId}`, office.token);
      expect(result.status).toBe(200);
      expect(result.body.groupBy).toBe('department');
      const rows = Object.fromEntries(result.body.rows.map((row: any) => [row.id, row]));
      expect(Object.keys(rows).sort()).toEqual([deptA.id, deptB.id].sort());
      expect(rows[deptA.id]).toEqual({
        id: deptA.id,
        code: deptA.code,
        name: deptA.name,
        kind: 'department',
        total: 4,
        byState: { ...zero, assigned: 1, acknowledged: 1, in_progress: 1, cancelled: 1 },
        open: 3,
        overdue: 0,
        late: 1,
        returns: 0,
        closedOnTime: 0,
        closedLate: 0,
      });
      expect(rows[deptB.id]).toMatchObject({
        total: 3,
        byState: { ...zero, assigned: 1, accepted: 2 },
        open: 1,
        returns: 1,
        closedOnTime: 1,
        closedLate: 1,
      });
      expect(result.body.totals).toMatchObject({ total: 7, open: 4, late: 1, returns: 1, closedOnTime: 1, closedLate: 1 });

      const phase2Only = await get(`/overview/departments?campaignId=${campaignId}&phaseId=${phase2}`, office.token);
      expect(phase2Only.body.rows.map((row: any) => [row.id, row.total])).toEqual([[deptA.id, 2]]);
    });

    it('counts per district', async () => {
      const result = await get(`/overview/departments?campaignId=${campaignId}&groupBy=district`, viewer.token);
      expect(result.status).toBe(200);
      const rows = Object.fromEntries(result.body.rows.map((row: any) => [row.id, row]));
      expect(rows[district1.id]).toMatchObject({ kind: 'district', name: district1.name, total: 3 });
      expect(rows[district2.id]).toMatchObject({ total: 3, late: 1, closedOnTime: 1, closedLate: 1 });
    });

    it('shows a department officer their own row only', async () => {
      const result = await get(`/overview/departments?campaignId=${campaignId}`, officerB.token);
      expect(result.body.rows.map((row: any) => row.id)).toEqual([deptB.id]);
    });
  });

  describe('CSV', () => {
    let deptE: { id: string; code: string; name: string };
    const titles = ['=HYPERLINK("http://evil.example","点我")', '+1 报送', '-负数', '@SUM(A1)', '报送,名单"第一批"\n第二行', '普通事项'];
    const created: Record<string, { id: string; dueAt: string }> = {};

    beforeAll(async () => {
      deptE = await stack.department(office.token);
      for (const [i, title] of titles.entries()) created[title] = await assign(deptE.id, title, new Date(Date.now() + (i + 2) * DAY));
    });

    it('exports UTF-8 with a BOM, a header row, RFC 4180 quoting, Beijing times, and no live formulas', async () => {
      const file = await raw(`/overview/duties?departmentId=${deptE.id}&format=csv`, office.token);
      expect(file.status).toBe(200);
      expect(file.type).toMatch(/^text\/csv; ?charset=utf-8$/i);
      expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(file.disposition).toMatch(/^attachment; filename="duties-\d{8}-\d{4}\.csv"; filename\*=UTF-8''%E7%9D%A3%E5%8A%9E/);
      expect(file.text.endsWith('\r\n')).toBe(true);

      const rows = parseCsv(file.text.slice(1));
      const [header, ...data] = rows;
      expect(header.slice(0, 4)).toEqual(['事项编号', '标题', '状态', '责任单位']);
      expect(data).toHaveLength(titles.length);
      expect(data.every((row) => row.length === header.length)).toBe(true);
      const byId = Object.fromEntries(data.map((row) => [row[0], row]));
      const column = (name: string) => header.indexOf(name);
      for (const title of titles) {
        const row = byId[created[title].id];
        const expected = /^[=+\-@]/.test(title) ? `'${title}` : title;
        expect(row[column('标题')]).toBe(expected);
        expect(row[column('状态')]).toBe('已交办');
        expect(row[column('责任单位')]).toBe(deptE.name);
        expect(row[column('办结期限(北京时间)')]).toBe(beijing(created[title].dueAt));
        expect(row[column('是否逾期')]).toBe('否');
      }
      // Exactly as written on the wire: quoted, quotes doubled, the apostrophe inside the quotes.
      expect(file.text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
      expect(file.text).toContain(`"报送,名单""第一批""\n第二行"`);
    });

    it('answers Accept: text/csv with CSV unless format=json, and pages when asked', async () => {
      const byAccept = await raw(`/overview/duties?departmentId=${deptE.id}`, office.token, { accept: 'text/csv' });
      expect(byAccept.type).toMatch(/^text\/csv/);
      const json = await raw(`/overview/duties?departmentId=${deptE.id}&format=json`, office.token, { accept: 'text/csv' });
      expect(json.type).toMatch(/^application\/json/);
      const page = await raw(`/overview/duties?departmentId=${deptE.id}&format=csv&limit=2`, office.token);
      expect(parseCsv(page.text.slice(1))).toHaveLength(3);
    });

    it('exports the same table as an Excel workbook: every row the CSV has, text never a formula', async () => {
      const csvRows = parseCsv((await raw(`/overview/duties?departmentId=${deptE.id}&format=csv`, office.token)).text.slice(1));
      const file = await raw(`/overview/duties?departmentId=${deptE.id}&format=xlsx`, office.token);
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(file.disposition).toMatch(/^attachment; filename="duties-\d{8}-\d{4}\.xlsx"/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as never);
      const sheet = workbook.worksheets[0];
      const cells: string[][] = [];
      sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
      expect(cells).toHaveLength(csvRows.length);
      expect(cells[0]).toEqual(csvRows[0]);
      // The CSV defuses formulas with an apostrophe; the workbook keeps the text as a text cell.
      const titleColumn = csvRows[0].indexOf('标题');
      expect(
        cells
          .slice(1)
          .map((r) => r[titleColumn])
          .sort(),
      ).toEqual(
        csvRows
          .slice(1)
          .map((r) => r[titleColumn].replace(/^'/, ''))
          .sort(),
      );
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
    });

    it('exports the inbox and the per-department view, the latter with a total row', async () => {
      const officerE = await stack.userWithToken('department_officer', deptE.id);
      const inbox = await raw('/inbox?format=csv', officerE.token);
      expect(inbox.status).toBe(200);
      expect(inbox.disposition).toContain(`filename="inbox-${deptE.code}-`);
      expect(parseCsv(inbox.text.slice(1))).toHaveLength(titles.length + 1);

      const stats = await raw(`/overview/departments?campaignId=${campaignId}&format=csv`, office.token);
      const rows = parseCsv(stats.text.slice(1));
      expect(rows[0].slice(0, 3)).toEqual(['单位编码', '责任单位', '事项总数']);
      expect(rows.map((row) => row[1])).toEqual(['责任单位', ...[deptA, deptB].sort((x, y) => (x.name < y.name ? -1 : 1)).map((d) => d.name), '合计']);
      expect(rows.at(-1)![2]).toBe('7');
    });
  });

  describe('overdue duties, and reminding them all at once', () => {
    let deptC: { id: string; code: string; name: string; liaisonEmail: string };
    let officerC: { token: string };
    const c: Record<string, string> = {};

    beforeAll(async () => {
      deptC = await stack.department(office.token);
      officerC = await stack.userWithToken('department_officer', deptC.id);
      // Due one after the other within seconds; c4 not for days.
      const start = Date.now();
      c.c1 = (await assign(deptC.id, '逾期一：报送扩面台账', new Date(start + 1_500))).id;
      c.c3 = (await assign(deptC.id, '逾期三：已提交的事项', new Date(start + 2_000))).id;
      c.c2 = (await assign(deptC.id, '逾期二：核对参保名单', new Date(start + 2_500))).id;
      c.c4 = (await assign(deptC.id, '未逾期事项', new Date(start + 3 * DAY))).id;
      await act(officerC.token, c.c2, 'acknowledge');
      for (const key of ['c1', 'c2', 'c3']) {
        await waitFor(`${key} to become overdue`, async () => (await get(`/duties/${c[key]}`, office.token)).body.overdue === true, {
          timeoutMs: 20_000,
        });
      }
      // Submitted after going overdue: still overdue, but waiting on the office, not the department.
      await act(officerC.token, c.c3, 'acknowledge');
      await act(officerC.token, c.c3, 'start');
      await act(officerC.token, c.c3, 'submit', { result: '已补报' });
    });

    it('lists open overdue duties, longest overdue first, with the department, how long, and the last step', async () => {
      const result = await get(`/overview/overdue?departmentId=${deptC.id}`, office.token);
      expect(result.status).toBe(200);
      expect(result.body.total).toBe(3);
      expect(itemIds(result.body)).toEqual([c.c1, c.c3, c.c2]);
      for (const item of result.body.items) {
        expect(item).toMatchObject({ departmentId: deptC.id, departmentName: deptC.name, overdue: true, overdueSince: expect.any(String) });
        expect(item.overdueForMs).toBeGreaterThan(0);
        expect(['overdue', 'chase_head', 'leading_group']).toContain(item.lastEscalation.step);
      }
      expect(result.body.items[0].overdueForMs).toBeGreaterThan(result.body.items[2].overdueForMs);

      // The officer sees their own; the overview's overdue filter agrees.
      expect((await get('/overview/overdue', officerC.token)).body.total).toBe(3);
      expect((await get(`/overview/duties?departmentId=${deptC.id}&overdue=true`, office.token)).body.total).toBe(3);
      expect((await get(`/overview/departments`, office.token)).body.rows.find((row: any) => row.id === deptC.id)).toMatchObject({ overdue: 3, open: 4 });

      const file = await raw(`/overview/overdue?departmentId=${deptC.id}&format=csv`, office.token);
      expect(file.disposition).toContain('filename="overdue-duties-');
      const rows = parseCsv(file.text.slice(1));
      expect(rows).toHaveLength(4);
      expect(rows[0]).toContain('逾期时长');
      expect(rows.slice(1).map((row) => row[0])).toEqual([c.c1, c.c3, c.c2]);
      expect(['逾期催办', '催办部门负责人', '报告领导小组']).toContain(rows[1][rows[0].indexOf('最近升级步骤')]);
    });

    it('reminds every overdue duty the department holds, by e-mail to the liaison, recorded with who', async () => {
      for (const token of [viewer.token, officerC.token, inspector.token]) {
        const refused = await stack.http('POST', '/bulk-actions/remind-overdue', { token, body: { departmentId: deptC.id } });
        expect(refused.status).toBe(403);
      }
      expect((await stack.http('POST', '/bulk-actions/remind-overdue', { token: office.token, body: {} })).status).toBe(400);
      expect((await stack.http('POST', '/bulk-actions/remind-overdue', { token: office.token, body: { departmentId: randomUUID() } })).status).toBe(404);
      const nothing = await stack.http('POST', '/bulk-actions/remind-overdue', { token: office.token, body: { departmentId: deptA.id } });
      expect(nothing.body).toMatchObject({ total: 0, succeeded: 0, failed: 0, results: [] });

      const result = await stack.http('POST', '/bulk-actions/remind-overdue', {
        token: office.token,
        body: { departmentId: deptC.id, note: '请于本周内办结' },
      });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ departmentId: deptC.id, total: 2, succeeded: 2, failed: 0 });
      // The submitted one waits on the office: nobody to remind.
      expect(result.body.results.map((r: any) => r.dutyId).sort()).toEqual([c.c1, c.c2].sort());

      const mails = await waitFor('the two 催办 e-mails', () => {
        const found = stack.smtp.to(deptC.liaisonEmail).filter((m) => m.subject.startsWith('【催办】请抓紧办理督办事项'));
        return found.length === 2 && found;
      });
      expect(mails.map((m) => m.subject).sort()).toEqual(['【催办】请抓紧办理督办事项：逾期一：报送扩面台账', '【催办】请抓紧办理督办事项：逾期二：核对参保名单']);
      expect(mails[0].to).toEqual([deptC.liaisonEmail]);
      expect(mails[0].text).toContain('原因：请于本周内办结');

      const c2 = (await get(`/duties/${c.c2}`, office.token)).body;
      expect(c2.state).toBe('acknowledged');
      expect(c2.history.at(-1)).toMatchObject({
        action: 'remind',
        from: 'acknowledged',
        to: 'acknowledged',
        actor: { username: office.user.username, role: 'office' },
        reason: '请于本周内办结',
      });
      expect((await get(`/duties/${c.c3}`, office.token)).body.history.some((h: any) => h.action === 'remind')).toBe(false);
    });

    it('extends many duties at once, each answering for itself', async () => {
      const fresh = await assign(deptB.id, '批量延期事项', new Date(Date.now() + 2 * DAY));
      const newDue = new Date(Date.now() + 10 * DAY).toISOString();
      const missing = randomUUID();
      const result = await stack.http('POST', '/bulk-actions/extend', {
        token: office.token,
        body: { dutyIds: [c.c1, fresh.id, ids.a5, missing, 'not-a-uuid', c.c1], dueAt: newDue, reason: '统一延期至月底' },
      });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ total: 5, succeeded: 2, failed: 3, dueAt: newDue });
      expect(result.body.results).toEqual([
        { dutyId: c.c1, ok: true, state: 'assigned', dueAt: newDue },
        { dutyId: fresh.id, ok: true, state: 'assigned', dueAt: newDue },
        { dutyId: ids.a5, ok: false, code: 'DUTY_TRANSITION_FORBIDDEN', message: expect.stringContaining('cancelled') },
        { dutyId: missing, ok: false, code: 'DUTY_NOT_FOUND', message: expect.any(String) },
        { dutyId: 'not-a-uuid', ok: false, code: 'DUTY_NOT_FOUND', message: expect.any(String) },
      ]);
      const c1 = (await get(`/duties/${c.c1}`, office.token)).body;
      expect(c1).toMatchObject({ dueAt: newDue, overdue: false });
      expect(c1.history.at(-1)).toMatchObject({ action: 'extend', actor: { username: office.user.username }, reason: '统一延期至月底', dueAt: newDue });
      // No longer overdue, so off the list.
      expect(itemIds((await get(`/overview/overdue?departmentId=${deptC.id}`, office.token)).body)).toEqual([c.c3, c.c2]);
    });

    it.each([
      ['an empty list', { dutyIds: [] }, 'dutyIds'],
      ['more than 200 ids', { dutyIds: Array.from({ length: 201 }, () => randomUUID()) }, 'dutyIds'],
      ['a due time in the past', { dueAt: new Date(Date.now() - 60_000).toISOString() }, 'dueAt'],
      ['no due time', { dueAt: undefined }, 'dueAt'],
      ['no reason', { reason: '   ' }, 'reason'],
      ['ids that are not text', { dutyIds: [1, 2] }, 'dutyIds'],
    ])('refuses a bulk extension with %s (400), changing nothing', async (_, change, field) => {
      const body = { dutyIds: [c.c4], dueAt: new Date(Date.now() + 20 * DAY).toISOString(), reason: '延期', ...change };
      const result = await stack.http('POST', '/bulk-actions/extend', { token: office.token, body });
      expect(result.status).toBe(400);
      expect(Object.keys(result.body.fields)).toContain(field);
      expect((await get(`/duties/${c.c4}`, office.token)).body.history).toHaveLength(1);
    });

    it('lets only the office extend in bulk', async () => {
      for (const token of [viewer.token, officerC.token]) {
        const result = await stack.http('POST', '/bulk-actions/extend', { token, body: { dutyIds: [c.c4] } });
        expect(result.status).toBe(403);
      }
    });
  });
});

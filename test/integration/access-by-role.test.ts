import { randomUUID } from 'node:crypto';
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DEFAULT_ASSESSMENT_RULES, isAccessAction, scopeOf, type AccessAction, type Role } from '@duban/domain';
import { signNoticeLink } from '@duban/mail';
import { PasswordResetLinkRepository } from '@duban/persistence';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, seededDepartments } from '../support/campaign-fixtures';
import { validCreditCode } from '../support/credit-codes';
import { TEST_PASSWORD, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { IS_PUBLIC } from '../../apps/api/src/common/actor.decorator';
import { ACCESS_ACTION } from '../../apps/api/src/common/allow.decorator';

/**
 * Who may call what (issue 3, item 7): every route the API registers, called by every kind of
 * caller, with the answer the rules give. A route the app registers without an entry in ROUTES
 * fails the first test, so a new endpoint cannot ship without deciding who may call it.
 *
 * The rules (docs/domain.md "Who uses it", the feature pages of docs/, the permission functions of
 * @duban/domain): no token → 401, except GET /health, POST /auth/login, single sign-on (/auth/oidc*) and an employer's
 * notice link (GET /notices/:token, the signed token is the permission); the office manages
 * campaigns, assigns and runs duties, keeps the calendar and the matrix, registers departments;
 * a department officer sees and acts on their own department's duties only (another
 * department's → 403); viewers read duties, campaigns and the views and change nothing;
 * inspectors see nothing of duties or campaigns. An unknown id → 404 for whoever may call the
 * route. Where the rules are silent this table follows the code and says so: reference data
 * (departments, the working-day calendar, the shared duty matrix) is read by every signed-in
 * user, and Swagger's pages at /docs are served without a token (README "The API": "`/docs`
 * (Swagger UI) and `/docs-json` serve the OpenAPI document"); they are documentation, not API endpoints.
 *
 * Issue 16: the access table of @duban/domain (ACCESS_POLICY) decides each role's answer. Every
 * route the controllers register names its action (@Allow) or is marked @Public(); one that
 * does neither fails. For each caller the table says 403 (its role is not named), not 403 (its
 * role reaches all rows), or leaves it to the row (own department, own team, own): the
 * expectations below, kept from before, are checked against it and stay the specification of
 * what a row-scoped caller hears.
 */

type Caller = 'none' | 'admin' | 'office' | 'viewer' | 'inspector' | 'ownOfficer' | 'foreignOfficer';
const CALLERS: readonly Caller[] = ['none', 'admin', 'office', 'viewer', 'inspector', 'ownOfficer', 'foreignOfficer'];

/** 'ok': any 2xx. */
type Outcome = 'ok' | 401 | 403 | 404;
type Expectation = Readonly<Record<Caller, Outcome>>;

// ownOfficer: the officer of the department that holds the duty (or, where no duty is involved,
// any department officer); foreignOfficer: an officer of another department.

/** Served to anyone, token or not. */
const PUBLIC: Expectation = { none: 'ok', admin: 'ok', office: 'ok', viewer: 'ok', inspector: 'ok', ownOfficer: 'ok', foreignOfficer: 'ok' };
/** Public, but single sign-on is not configured on this stack (single-sign-on.test.ts tests it configured). */
const SSO_NOT_CONFIGURED: Expectation = { none: 404, admin: 404, office: 404, viewer: 404, inspector: 404, ownOfficer: 404, foreignOfficer: 404 };
/** Every signed-in user: their own account, reference data. */
const SIGNED_IN: Expectation = { none: 401, admin: 'ok', office: 'ok', viewer: 'ok', inspector: 'ok', ownOfficer: 'ok', foreignOfficer: 'ok' };
/** The office's work: campaigns, assignments, office actions on duties, calendar, matrix, registry. */
const OFFICE_ONLY: Expectation = { none: 401, admin: 403, office: 'ok', viewer: 403, inspector: 403, ownOfficer: 403, foreignOfficer: 403 };
/** A duty (or a list naming its department): the office, viewers and its own department read it. */
const DUTY_READERS: Expectation = { none: 401, admin: 403, office: 'ok', viewer: 'ok', inspector: 403, ownOfficer: 'ok', foreignOfficer: 403 };
/** The department's actions on its duty: acknowledge, start, submit, progress, evidence. */
const OWN_DEPARTMENT_ONLY: Expectation = { none: 401, admin: 403, office: 403, viewer: 403, inspector: 403, ownOfficer: 'ok', foreignOfficer: 403 };
/** The comment thread between the office and the duty's department. */
const OFFICE_AND_OWN_DEPARTMENT: Expectation = { none: 401, admin: 403, office: 'ok', viewer: 403, inspector: 403, ownOfficer: 'ok', foreignOfficer: 403 };
/**
 * Statistics per department: a department officer sees their own department's line whichever
 * department it is (the route names no department, so nobody's is foreign); inspectors nothing.
 */
const SCOPED_STATS_READERS: Expectation = { none: 401, admin: 403, office: 'ok', viewer: 'ok', inspector: 403, ownOfficer: 'ok', foreignOfficer: 'ok' };
/** Campaigns: the office and viewers read; department officers and inspectors do not. */
const CAMPAIGN_READERS: Expectation = { none: 401, admin: 403, office: 'ok', viewer: 'ok', inspector: 403, ownOfficer: 403, foreignOfficer: 403 };
/** Facts about units come from departments: an officer supplies their own department's, the office any department's. */
const UNIT_FACT_SUPPLIERS: Expectation = { none: 401, admin: 403, office: 'ok', viewer: 403, inspector: 403, ownOfficer: 'ok', foreignOfficer: 403 };
/** Inspection cases: the office, viewers and inspectors (their team's); department officers not. */
const INSPECTION_READERS: Expectation = { none: 401, admin: 403, office: 'ok', viewer: 'ok', inspector: 'ok', ownOfficer: 403, foreignOfficer: 403 };
/** Departments, districts and inspection teams: the office (as before go-live) and the system administrator. */
const DEPARTMENT_MANAGERS: Expectation = { none: 401, admin: 'ok', office: 'ok', viewer: 403, inspector: 403, ownOfficer: 403, foreignOfficer: 403 };
/** The system administrator's own work: users, the audit log. */
const ADMIN_ONLY: Expectation = { none: 401, admin: 'ok', office: 403, viewer: 403, inspector: 403, ownOfficer: 403, foreignOfficer: 403 };
/** Registered, and answers 404 to everybody (Swagger UI's own placeholder). */
const NOT_SERVED: Expectation = { none: 404, admin: 404, office: 404, viewer: 404, inspector: 404, ownOfficer: 404, foreignOfficer: 404 };

interface ApiRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as multipart/form-data in the field "file". */
  file?: { bytes: Buffer; name: string; type: string };
  /** Form fields sent with the file. */
  fields?: Record<string, string>;
}

interface UnknownId {
  /** What is unknown, for the test's name. */
  what: string;
  change: (request: ApiRequest) => ApiRequest;
  /** Who asks: by default every signed-in caller the route lets through. */
  callers?: Caller[];
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As the app registers it, e.g. /duties/:id/accept. */
  path: string;
  expect: Expectation;
  /** Builds a request the allowed callers succeed with (refused callers send the same). */
  request: () => Promise<ApiRequest>;
  /**
   * A successful call uses up its fixture (a duty accepted, a phase launched, a calendar
   * revision taken): each allowed caller gets a fresh one; refused callers share one.
   */
  consumes?: boolean;
  unknown?: UnknownId[];
  /**
   * The call ends or changes the caller's own session (sign-out, password change): each
   * caller makes it with a user of its own kind made for the call, not the shared token.
   */
  ownSession?: boolean;
  /** A further check of a 2xx answer (scoping of a list). */
  check?: (caller: Caller, body: any) => void;
}

interface Fixtures {
  tokens: Record<Exclude<Caller, 'none'>, string>;
  /** A new user of the caller's kind, signed in (see RouteCase.ownSession). */
  freshToken: (caller: Exclude<Caller, 'none'>) => Promise<string>;
  loginName: string;
  own: { id: string };
  foreign: { id: string };
  /** Where reassigned duties go. */
  third: { id: string };
  /** Assigned to `own`, with one evidence file and one comment; nothing consumes it. */
  dutyId: string;
  evidenceId: string;
  /** Not launched: read, edited and refused a launch. */
  planned: { id: string; phaseId: string };
  /** Its only phase launched and closed: has a summary. */
  closed: { id: string; phaseId: string };
}

let stack: TestStack;
let fx: Fixtures;

const YEAR = new Date().getUTCFullYear();
/** A year no other test uses: office saves here change nothing that runs. */
const CALENDAR_YEAR = 2097;
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();
const unknownId = () => randomUUID();
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'utf8');
const withParams = (request: ApiRequest, params: Record<string, string>): ApiRequest => ({
  ...request,
  params: { ...request.params, ...params },
});
const withBody = (request: ApiRequest, body: Record<string, unknown>): ApiRequest => ({
  ...request,
  body: { ...(request.body as Record<string, unknown>), ...body },
});
const unknownParam = (name: string, what: string): UnknownId => ({ what, change: (r) => withParams(r, { [name]: unknownId() }) });
const unknownInBody = (field: string, what: string, callers?: Caller[]): UnknownId => ({
  what,
  change: (r) => withBody(r, { [field]: unknownId() }),
  callers,
});
/** A unit with a fresh, valid credit code (built by the algorithm), from the given department's file. */
const unitFacts = (departmentId: string) => ({
  creditCode: validCreditCode(),
  name: '权限检查有限公司',
  employees: 12,
  source: { departmentId, file: '权限检查.csv', date: '2026-10-31' },
});
const UNKNOWN_DUTY = unknownParam('id', 'duty id');
const UNKNOWN_CAMPAIGN = unknownParam('id', 'campaign id');
const UNKNOWN_PHASE = unknownParam('phaseId', 'phase id');

async function send(method: string, path: string, request: ApiRequest, token?: string): Promise<{ status: number; body: any }> {
  const url = path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = request.params?.[name];
    if (value === undefined) throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | FormData | undefined;
  if (request.file) {
    const form = new FormData();
    for (const [name, value] of Object.entries(request.fields ?? {})) form.append(name, value);
    form.append('file', new Blob([request.file.bytes], { type: request.file.type }), request.file.name);
    body = form;
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  const response = await fetch(`${stack.baseUrl}${url}${query}`, { method, headers, body });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

/** A fixture step that must work; says what went wrong when it does not. */
async function must(status: number, method: string, path: string, request: ApiRequest, token: string): Promise<any> {
  const answer = await send(method, path, request, token);
  if (answer.status !== status) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A unit of its own for a call that changes it (edited, deactivated). */
async function freshUnit(): Promise<{ id: string }> {
  const code = `ACU${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  return must(
    201,
    'POST',
    '/departments',
    { body: { code, name: `权限检查${code}`, liaisonEmail: `${code.toLowerCase()}@duban.test`, headEmail: `${code.toLowerCase()}-h@duban.test` } },
    fx.tokens.admin,
  );
}

const IMPORT_CODE = `ACI${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
const IMPORT_SHEET = `code,name,kind,liaison_email,head_email\n${IMPORT_CODE},权限检查导入,department,${IMPORT_CODE.toLowerCase()}@duban.test,${IMPORT_CODE.toLowerCase()}-h@duban.test\n`;

async function assignDuty(departmentId = fx.own.id): Promise<string> {
  const body = { departmentId, title: `权限检查事项${randomUUID().slice(0, 6)}`, description: '', dueAt: inDays(30) };
  return (await must(201, 'POST', '/duties', { body }, fx.tokens.office)).id as string;
}

const STEPS_TO = {
  assigned: [],
  acknowledged: ['acknowledge'],
  in_progress: ['acknowledge', 'start'],
  submitted: ['acknowledge', 'start', 'submit'],
} as const;

/** A fresh duty of the own department, brought by its officer to `state`. */
async function dutyIn(state: keyof typeof STEPS_TO): Promise<string> {
  const id = await assignDuty();
  for (const action of STEPS_TO[state]) {
    const body = action === 'submit' ? { result: '已完成' } : {};
    await must(200, 'POST', `/duties/:id/${action}`, { params: { id }, body }, fx.tokens.ownOfficer);
  }
  return id;
}

function campaignBody(phaseWindowEnd: string) {
  return {
    name: `权限检查${randomUUID().slice(0, 6)}`,
    reportPlan: NO_REPORT_PLAN,
    jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] },
    period: { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` },
    legalBasis: { title: '权限检查实施方案', number: `测〔${YEAR}〕${Math.floor(Math.random() * 1000)}号` },
    targets: [],
    leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
    phases: [{ kind: 'mobilisation', name: '动员部署', window: { start: `${YEAR}-01-01`, end: phaseWindowEnd }, templates: [] }],
  };
}

/** A campaign of one mobilisation phase with no templates (days last a second in this stack). */
async function createCampaign(phaseWindowEnd = `${YEAR}-12-31`): Promise<{ id: string; phaseId: string }> {
  const created = await must(201, 'POST', '/campaigns', { body: campaignBody(phaseWindowEnd) }, fx.tokens.office);
  return { id: created.id, phaseId: created.phases[0].id };
}

/**
 * A running campaign whose matrix routes registration findings to the own department: its
 * phase has a duty due in 200 (one-second) days, so it stays open through the suite.
 */
let runningCampaign: Promise<string> | undefined;
async function complianceCampaign(): Promise<string> {
  runningCampaign ??= (async () => {
    const body = campaignBody(`${YEAR}-12-31`);
    body.phases[0].templates = [
      { title: '权限检查：摸底', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 200 } },
    ] as never[];
    const created = await must(201, 'POST', '/campaigns', { body }, fx.tokens.office);
    const route = { params: {}, body: { departmentId: fx.own.id, reason: '权限检查' } };
    await must(200, 'PUT', `/campaigns/${created.id}/duty-matrix/function/registration`, route, fx.tokens.office);
    await must(200, 'POST', '/campaigns/:id/phases/:phaseId/launch', { params: { id: created.id, phaseId: created.phases[0].id }, body: {} }, fx.tokens.office);
    return created.id as string;
  })();
  return runningCampaign;
}

/** A fresh unit on the tax register only, compared into a case routed to the own department (its workflow running). */
async function complianceCase(notice?: { deadlineInSeconds: number }): Promise<string> {
  const campaignId = await complianceCampaign();
  const creditCode = validCreditCode();
  const facts = { creditCode, name: '权限检查单位', registeredWith: ['tax'], source: { departmentId: fx.own.id, file: '税务登记.xlsx', date: '2026-10-31' } };
  await must(201, 'POST', '/units', { body: facts }, fx.tokens.office);
  await must(202, 'POST', '/compliance-runs', { body: { campaignId } }, fx.tokens.office);
  const caseId = await waitFor('the case and its workflow', async () => {
    const listed = await must(200, 'GET', '/compliance-cases', { query: { creditCode } }, fx.tokens.office);
    if (listed.items.length === 0) return undefined;
    const kase = await must(200, 'GET', '/compliance-cases/:id', { params: { id: listed.items[0].id } }, fx.tokens.office);
    return kase.workflow ? (kase.id as string) : undefined;
  });
  if (notice) {
    const deadline = new Date(Date.now() + notice.deadlineInSeconds * 1000).toISOString();
    await must(200, 'POST', '/compliance-cases/:id/actions', { params: { id: caseId }, body: { action: 'issue_notice', deadline } }, fx.tokens.office);
  }
  return caseId;
}

let noticedCase: Promise<string> | undefined;

/** A case past its deadline: its inspection case (for the seeded city-wide team). */
let inspectionCase: Promise<string> | undefined;
const escalatedInspectionCase = () =>
  (inspectionCase ??= (async () => {
    const caseId = await complianceCase({ deadlineInSeconds: 1 });
    return waitFor(
      'the inspection case',
      async () => (await must(200, 'GET', '/compliance-cases/:id', { params: { id: caseId } }, fx.tokens.office)).inspectionCaseId ?? undefined,
      { timeoutMs: 30_000 },
    ) as Promise<string>;
  })());

/** A small tax-registration file of the own department. */
const unitFile = (): ApiRequest => ({
  file: { bytes: Buffer.from(`credit_code,name\n${validCreditCode()},权限检查单位\n`, 'utf8'), name: '税务登记.csv', type: 'text/csv' },
  fields: { dataset: 'tax_registration', sourceDate: '2026-10-31', departmentId: fx.own.id },
});
let ownImport: Promise<string> | undefined;
const importOfOwnDepartment = () => (ownImport ??= must(202, 'POST', '/unit-imports', unitFile(), fx.tokens.office).then((body) => body.id as string));
let caseWithEvidence: Promise<{ caseId: string; fileId: string }> | undefined;
const caseEvidence = () =>
  (caseWithEvidence ??= (async () => {
    const caseId = await complianceCase();
    const file = { bytes: pdf('登记回执'), name: '参保登记回执.pdf', type: 'application/pdf' };
    const stored = await must(201, 'POST', '/compliance-cases/:id/evidence', { params: { id: caseId }, file }, fx.tokens.office);
    return { caseId, fileId: stored.id as string };
  })());

const campaignParams = () => ({ id: fx.planned.id });
const phaseParams = () => ({ id: fx.planned.id, phaseId: fx.planned.phaseId });

/** A campaign whose leading group has the own department as its only member (the unit assessed and written to). */
async function campaignWithOwnMember(): Promise<string> {
  const body = campaignBody(`${YEAR}-12-31`);
  body.leadingGroup.members = [{ departmentId: fx.own.id, liaison: { name: '联络员' }, head: { name: '负责人' } }] as never[];
  return (await must(201, 'POST', '/campaigns', { body }, fx.tokens.office)).id as string;
}

/** A campaign and its draft assessment (the own department's row): never finalised here. */
async function assessedCampaign(): Promise<{ campaignId: string; assessmentId: string }> {
  const campaignId = await campaignWithOwnMember();
  const assessment = await must(201, 'POST', '/campaigns/:id/assessments', { params: { id: campaignId }, body: {} }, fx.tokens.office);
  return { campaignId, assessmentId: assessment.id as string };
}
let draftAssessment: Promise<{ campaignId: string; assessmentId: string }> | undefined;
const draftAssessmentOnce = () => (draftAssessment ??= assessedCampaign());

/** A draft circular of the first quarter of a campaign of its own. */
async function draftCircular(): Promise<{ campaignId: string; circularId: string }> {
  const campaignId = await campaignWithOwnMember();
  const circular = await must(201, 'POST', '/campaigns/:id/circulars', { params: { id: campaignId }, body: { kind: 'quarterly', quarter: `${YEAR}-Q1` } }, fx.tokens.office);
  return { campaignId, circularId: circular.id as string };
}
let revisableCircular: Promise<{ campaignId: string; circularId: string }> | undefined;
let publishedCircular: Promise<{ campaignId: string; circularId: string }> | undefined;
const publishedCircularOnce = () =>
  (publishedCircular ??= (async () => {
    const drafted = await draftCircular();
    await must(200, 'POST', '/circulars/:id/publish', { params: { id: drafted.circularId } }, fx.tokens.office);
    return drafted;
  })());
/** An assessment list's rows: an officer sees their own department's row only. */
const ownRowOnly = (caller: Caller, body: any) => {
  if (caller === 'ownOfficer') expect(body.units.map((u: { unitId: string }) => u.unitId)).toEqual([fx.own.id]);
  if (caller === 'foreignOfficer') expect(body.units).toEqual([]);
  if (caller === 'office' || caller === 'viewer') expect(body.units).toHaveLength(1);
};
/**
 * A campaign whose own department owes a monthly report: its reporting workflow opens the
 * current month's round at once. Returns the campaign and that report.
 */
async function campaignOwingReport(): Promise<{ campaignId: string; reportId: string }> {
  const body = { ...campaignBody(`${YEAR}-12-31`), reportPlan: MONTHLY_BY_DEPARTMENTS };
  body.leadingGroup.members = [{ departmentId: fx.own.id, liaison: { name: '联络员' }, head: { name: '负责人' } }] as never[];
  const campaignId = (await must(201, 'POST', '/campaigns', { body }, fx.tokens.office)).id as string;
  const report = await waitFor('the monthly report', async () => (await must(200, 'GET', '/reports', { query: { campaignId } }, fx.tokens.office)).items[0]);
  return { campaignId, reportId: report.id as string };
}
const MONTHLY_BY_DEPARTMENTS = { kinds: [{ kind: 'monthly', owedBy: ['department'] }], dueOnDayOff: 'keep' };
let reportingCampaign: Promise<{ campaignId: string; reportId: string }> | undefined;
const reportingCampaignOnce = () => (reportingCampaign ??= campaignOwingReport());
const REPORT_FILING = { census: { unitsSurveyed: 0, uninsuredUnitsFound: 0, uninsuredPersonsFound: 0, unitsNewlyInsured: 0 }, insurance: {} };
const UNKNOWN_REPORT = unknownParam('id', 'report id');
const UNKNOWN_ASSESSMENT = unknownParam('id', 'assessment id');
const UNKNOWN_CIRCULAR = unknownParam('id', 'circular id');
const dutyParams = () => ({ id: fx.dutyId });

/** One entry per route the app registers: who may call it, and a request that works. */
const ROUTES: RouteCase[] = [
  // Swagger UI and the OpenAPI document (README "The API"), outside the guarded API.
  ...['/docs', '/docs/', '/docs/index.html', '/docs/swagger-ui-init.js', '/docs/docs/swagger-ui-init.js', '/docs-json', '/docs-yaml'].map((path): RouteCase => ({
    method: 'GET',
    path,
    expect: PUBLIC,
    request: async () => ({}),
  })),
  { method: 'GET', path: '/docs/LICENSE', expect: NOT_SERVED, request: async () => ({}) },

  { method: 'GET', path: '/health', expect: PUBLIC, request: async () => ({}) },
  { method: 'POST', path: '/auth/login', expect: PUBLIC, request: async () => ({ body: { username: fx.loginName, password: TEST_PASSWORD } }) },
  // Single sign-on is public; this stack has none configured, so its two steps answer 404 to everyone (never 401).
  { method: 'GET', path: '/auth/oidc', expect: PUBLIC, request: async () => ({}) },
  { method: 'GET', path: '/auth/oidc/login', expect: SSO_NOT_CONFIGURED, request: async () => ({ query: { returnTo: '/console/' } }) },
  { method: 'GET', path: '/auth/oidc/callback', expect: SSO_NOT_CONFIGURED, request: async () => ({ query: { state: 'x', code: 'y' } }) },
  { method: 'GET', path: '/auth/me', expect: SIGNED_IN, request: async () => ({}) },
  {
    method: 'POST',
    path: '/auth/password',
    expect: SIGNED_IN,
    ownSession: true,
    request: async () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: `权限检查-新口令-${randomUUID()}` } }),
  },
  {
    method: 'POST',
    path: '/users/:id/unlock',
    // The viewer's account name, after a failed sign-in of its own for each allowed call.
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => {
      const someone = await stack.userWithToken('viewer');
      await send('POST', '/auth/login', { body: { username: someone.user.username, password: 'not-the-password' } });
      return { params: { id: someone.user.id }, body: { reason: '权限检查：解除锁定' } };
    },
    unknown: [unknownParam('id', 'user id')],
  },
  { method: 'GET', path: '/audit-log', expect: ADMIN_ONLY, request: async () => ({ query: { actionPrefix: 'sign_in.' } }) },
  { method: 'GET', path: '/users', expect: ADMIN_ONLY, request: async () => ({ query: { role: 'viewer', limit: '5' } }) },
  {
    method: 'POST',
    path: '/users',
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => ({ body: { username: `acc-${randomUUID().slice(0, 8)}`, displayName: '权限检查', role: 'viewer', reason: '权限检查' } }),
  },
  {
    method: 'POST',
    path: '/users/import',
    expect: ADMIN_ONLY,
    // A dry run: checked, nothing written.
    request: async () => ({
      query: { dryRun: 'true' },
      file: { bytes: Buffer.from(`username,display_name,role\nacc-import-${randomUUID().slice(0, 8)},权限检查,viewer\n`), name: 'users.csv', type: 'text/csv' },
    }),
  },
  {
    method: 'GET',
    path: '/users/:id',
    expect: ADMIN_ONLY,
    request: async () => ({ params: { id: (await stack.userWithToken('viewer')).user.id } }),
    unknown: [unknownParam('id', 'user id')],
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    expect: ADMIN_ONLY,
    request: async () => ({ params: { id: (await stack.userWithToken('viewer')).user.id }, body: { displayName: '权限检查', reason: '权限检查' } }),
    unknown: [unknownParam('id', 'user id')],
  },
  {
    method: 'POST',
    path: '/users/:id/deactivate',
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => ({ params: { id: (await stack.userWithToken('viewer')).user.id }, body: { reason: '权限检查' } }),
    unknown: [unknownParam('id', 'user id')],
  },
  {
    method: 'POST',
    path: '/users/:id/reactivate',
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => {
      const someone = await stack.userWithToken('viewer');
      await stack.dataSource.query(`UPDATE users SET active = false, deactivated_at = now() WHERE id = $1`, [someone.user.id]);
      return { params: { id: someone.user.id }, body: { reason: '权限检查' } };
    },
    unknown: [unknownParam('id', 'user id')],
  },
  {
    method: 'POST',
    path: '/users/:id/password-reset',
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => ({ params: { id: (await stack.userWithToken('viewer')).user.id }, body: { delivery: 'one_time_password', reason: '权限检查' } }),
    unknown: [unknownParam('id', 'user id')],
  },
  {
    method: 'POST',
    path: '/auth/password-reset',
    expect: PUBLIC,
    consumes: true,
    request: async () => {
      const someone = await stack.userWithToken('viewer');
      const { token } = await new PasswordResetLinkRepository(stack.dataSource).issue(someone.user.id, null, 1);
      return { body: { token, newPassword: `权限检查-新口令-${randomUUID()}` } };
    },
  },
  { method: 'POST', path: '/auth/logout', expect: SIGNED_IN, ownSession: true, request: async () => ({ body: {} }) },
  { method: 'POST', path: '/auth/logout-everywhere', expect: SIGNED_IN, ownSession: true, request: async () => ({ body: {} }) },

  {
    method: 'POST',
    path: '/departments',
    expect: DEPARTMENT_MANAGERS,
    // A code is registered once: each allowed call gets a new one.
    consumes: true,
    request: async () => {
      const code = `ACC${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
      return { body: { code, name: `权限检查${code}`, liaisonEmail: `${code.toLowerCase()}@duban.test`, headEmail: `${code.toLowerCase()}-head@duban.test` } };
    },
  },
  { method: 'GET', path: '/departments', expect: SIGNED_IN, request: async () => ({ query: { kind: 'department', active: 'true' } }) },
  { method: 'GET', path: '/departments/:id', expect: SIGNED_IN, request: async () => ({ params: { id: fx.own.id } }), unknown: [unknownParam('id', 'department id')] },
  {
    method: 'PATCH',
    path: '/departments/:id',
    // The office registers units but does not edit them (docs/administration.md).
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => ({ params: { id: (await freshUnit()).id }, body: { name: `权限检查改名${randomUUID().slice(0, 6)}`, reason: '权限检查' } }),
    unknown: [unknownParam('id', 'department id')],
  },
  {
    method: 'POST',
    path: '/departments/:id/deactivate',
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => ({ params: { id: (await freshUnit()).id }, body: { reason: '权限检查：停用' } }),
    unknown: [unknownParam('id', 'department id')],
  },
  {
    method: 'POST',
    path: '/departments/:id/reactivate',
    expect: ADMIN_ONLY,
    consumes: true,
    request: async () => {
      const unit = await freshUnit();
      await must(200, 'POST', '/departments/:id/deactivate', { params: { id: unit.id }, body: { reason: '权限检查：先停用' } }, fx.tokens.admin);
      return { params: { id: unit.id }, body: { reason: '权限检查：启用' } };
    },
    unknown: [unknownParam('id', 'department id')],
  },
  {
    method: 'POST',
    path: '/departments/import',
    expect: ADMIN_ONLY,
    // A replay of the same file changes nothing: every caller may send the same one.
    request: async () => ({ query: { dryRun: 'true' }, file: { bytes: Buffer.from(IMPORT_SHEET, 'utf8'), name: '成员单位.csv', type: 'text/csv' } }),
  },

  {
    method: 'POST',
    path: '/duties',
    expect: OFFICE_ONLY,
    request: async () => ({ body: { departmentId: fx.own.id, title: '权限检查：交办', description: '', dueAt: inDays(30) } }),
    unknown: [unknownInBody('departmentId', 'department id in the body')],
  },
  { method: 'GET', path: '/duties', expect: DUTY_READERS, request: async () => ({ query: { departmentId: fx.own.id } }) },
  { method: 'GET', path: '/duties/:id', expect: DUTY_READERS, request: async () => ({ params: dutyParams() }), unknown: [UNKNOWN_DUTY] },
  { method: 'GET', path: '/duties/:id/timeline', expect: DUTY_READERS, request: async () => ({ params: dutyParams() }), unknown: [UNKNOWN_DUTY] },
  { method: 'GET', path: '/duties/:id/live', expect: DUTY_READERS, request: async () => ({ params: dutyParams() }), unknown: [UNKNOWN_DUTY] },
  {
    method: 'POST',
    path: '/duties/:id/acknowledge',
    expect: OWN_DEPARTMENT_ONLY,
    consumes: true,
    request: async () => ({ params: { id: await dutyIn('assigned') }, body: { note: '收到' } }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/start',
    expect: OWN_DEPARTMENT_ONLY,
    consumes: true,
    request: async () => ({ params: { id: await dutyIn('acknowledged') }, body: {} }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/submit',
    expect: OWN_DEPARTMENT_ONLY,
    consumes: true,
    request: async () => ({ params: { id: await dutyIn('in_progress') }, body: { result: '已报送名单' } }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/progress',
    expect: OWN_DEPARTMENT_ONLY,
    request: async () => ({ params: dutyParams(), body: { note: '已完成一半' } }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/accept',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => ({ params: { id: await dutyIn('submitted') }, body: {} }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/return',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => ({ params: { id: await dutyIn('submitted') }, body: { reason: '请补充分项数据' } }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/cancel',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => ({ params: { id: await dutyIn('assigned') }, body: { reason: '任务调整' } }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/reassign',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => ({ params: { id: await dutyIn('assigned') }, body: { departmentId: fx.third.id, reason: '职责调整' } }),
    unknown: [UNKNOWN_DUTY, unknownInBody('departmentId', 'department id in the body')],
  },
  {
    method: 'POST',
    path: '/duties/:id/extend',
    expect: OFFICE_ONLY,
    request: async () => ({ params: dutyParams(), body: { dueAt: inDays(45), reason: '延期' } }),
    unknown: [UNKNOWN_DUTY],
  },
  {
    method: 'POST',
    path: '/duties/:id/evidence',
    expect: OWN_DEPARTMENT_ONLY,
    // The same bytes again answer 200 with the stored file: repeatable.
    request: async () => ({ params: dutyParams(), file: { bytes: pdf('权限检查'), name: '佐证.pdf', type: 'application/pdf' } }),
    unknown: [UNKNOWN_DUTY],
  },
  { method: 'GET', path: '/duties/:id/evidence', expect: DUTY_READERS, request: async () => ({ params: dutyParams() }), unknown: [UNKNOWN_DUTY] },
  {
    method: 'GET',
    path: '/duties/:id/evidence/:fileId',
    expect: DUTY_READERS,
    request: async () => ({ params: { id: fx.dutyId, fileId: fx.evidenceId } }),
    unknown: [UNKNOWN_DUTY, unknownParam('fileId', 'evidence file id')],
  },
  {
    method: 'POST',
    path: '/duties/:id/comments',
    expect: OFFICE_AND_OWN_DEPARTMENT,
    request: async () => ({ params: dutyParams(), body: { text: '请按时报送' } }),
    unknown: [UNKNOWN_DUTY],
  },
  { method: 'GET', path: '/duties/:id/comments', expect: DUTY_READERS, request: async () => ({ params: dutyParams() }), unknown: [UNKNOWN_DUTY] },

  { method: 'GET', path: '/calendar/:year', expect: SIGNED_IN, request: async () => ({ params: { year: String(CALENDAR_YEAR) } }) },
  { method: 'GET', path: '/calendar/:year/revisions', expect: SIGNED_IN, request: async () => ({ params: { year: String(CALENDAR_YEAR) } }) },
  {
    method: 'PUT',
    path: '/calendar/:year',
    expect: OFFICE_ONLY,
    // Each save takes the revision it was based on.
    consumes: true,
    request: async () => {
      const params = { year: String(CALENDAR_YEAR) };
      const current = await must(200, 'GET', '/calendar/:year', { params }, fx.tokens.office);
      return { params, body: { holidays: [], makeUpWorkdays: [], expectedRevision: current.revision, reason: '权限检查' } };
    },
  },

  {
    method: 'POST',
    path: '/units',
    expect: UNIT_FACT_SUPPLIERS,
    request: async () => ({ body: unitFacts(fx.own.id) }),
  },
  { method: 'GET', path: '/units', expect: SIGNED_IN, request: async () => ({}) },
  {
    method: 'GET',
    path: '/units/:creditCode',
    expect: SIGNED_IN,
    request: async () => {
      const facts = unitFacts(fx.own.id);
      await must(201, 'POST', '/units', { body: facts }, fx.tokens.office);
      return { params: { creditCode: facts.creditCode } };
    },
    unknown: [unknownParam('creditCode', 'credit code')],
  },
  {
    method: 'POST',
    path: '/compliance-runs',
    expect: OFFICE_ONLY,
    request: async () => ({ body: { campaignId: await complianceCampaign() } }),
    unknown: [unknownInBody('campaignId', 'campaign id in the body', ['office'])],
  },
  {
    method: 'GET',
    path: '/compliance-runs/:id',
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: { id: (await must(202, 'POST', '/compliance-runs', { body: { campaignId: await complianceCampaign() } }, fx.tokens.office)).id } }),
    unknown: [unknownParam('id', 'comparison run id')],
  },
  // Scoped: officers get their department's cases, inspectors their team's (this one has none).
  { method: 'GET', path: '/compliance-cases', expect: SIGNED_IN, request: async () => ({}) },
  {
    method: 'GET',
    path: '/compliance-cases/:id',
    expect: DUTY_READERS,
    request: async () => ({ params: { id: await complianceCase() } }),
    unknown: [unknownParam('id', 'compliance case id')],
  },
  {
    method: 'POST',
    path: '/compliance-cases/:id/actions',
    expect: OFFICE_AND_OWN_DEPARTMENT,
    consumes: true,
    request: async () => ({ params: { id: await complianceCase() }, body: { action: 'issue_notice' } }),
    unknown: [unknownParam('id', 'compliance case id')],
  },
  {
    method: 'POST',
    path: '/compliance-cases/:id/evidence',
    expect: OFFICE_AND_OWN_DEPARTMENT,
    request: async () => ({ params: { id: (await caseEvidence()).caseId }, file: { bytes: pdf('现场检查记录'), name: '检查记录.pdf', type: 'application/pdf' } }),
    unknown: [unknownParam('id', 'compliance case id')],
  },
  {
    method: 'GET',
    path: '/compliance-cases/:id/evidence',
    expect: DUTY_READERS,
    request: async () => ({ params: { id: (await caseEvidence()).caseId } }),
    unknown: [unknownParam('id', 'compliance case id')],
  },
  {
    method: 'GET',
    path: '/compliance-cases/:id/evidence/:fileId',
    expect: DUTY_READERS,
    request: async () => {
      const { caseId, fileId } = await caseEvidence();
      return { params: { id: caseId, fileId } };
    },
    unknown: [unknownParam('id', 'compliance case id'), unknownParam('fileId', 'evidence file id')],
  },
  {
    method: 'GET',
    path: '/compliance-cases/:id/notice',
    expect: DUTY_READERS,
    request: async () => ({ params: { id: await (noticedCase ??= complianceCase({ deadlineInSeconds: 3600 })) } }),
    unknown: [unknownParam('id', 'compliance case id')],
  },
  // The employer's link of the notice e-mail: no account, the signed token is the permission.
  {
    method: 'GET',
    path: '/notices/:token',
    expect: PUBLIC,
    request: async () => {
      const caseId = await (noticedCase ??= complianceCase({ deadlineInSeconds: 3600 }));
      return { params: { token: signNoticeLink(stack.config.jwt.secret, caseId, new Date(Date.now() + 86_400_000)) } };
    },
    unknown: [unknownParam('token', 'notice link')],
  },
  {
    method: 'POST',
    path: '/exposure-proposals/:id/decision',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => {
      // The deadline passes at once; the exposure is proposed ten (one-second) working days later.
      const caseId = await complianceCase({ deadlineInSeconds: 1 });
      const proposalId = await waitFor(
        'the exposure proposal',
        async () => (await must(200, 'GET', '/compliance-cases/:id', { params: { id: caseId } }, fx.tokens.office)).exposureProposalId ?? undefined,
        { timeoutMs: 60_000 },
      );
      return { params: { id: proposalId }, body: { decision: 'reject', reason: '权限检查' } };
    },
    unknown: [unknownParam('id', 'exposure proposal id')],
  },
  { method: 'POST', path: '/unit-imports', expect: UNIT_FACT_SUPPLIERS, request: async () => unitFile() },
  // Scoped: an officer lists their own department's imports; inspectors read none.
  { method: 'GET', path: '/unit-imports', expect: SCOPED_STATS_READERS, request: async () => ({}) },
  {
    method: 'GET',
    path: '/unit-imports/:id',
    expect: DUTY_READERS,
    request: async () => ({ params: { id: await importOfOwnDepartment() } }),
    unknown: [unknownParam('id', 'unit import id')],
  },
  {
    method: 'GET',
    path: '/unit-imports/:id/errors',
    expect: DUTY_READERS,
    request: async () => ({ params: { id: await importOfOwnDepartment() } }),
    unknown: [unknownParam('id', 'unit import id')],
  },
  // Reference data, like departments.
  { method: 'GET', path: '/inspection-teams', expect: SIGNED_IN, request: async () => ({}) },
  // Scoped: an inspector gets their team's (this one belongs to none); officers none of it.
  { method: 'GET', path: '/inspection-cases', expect: INSPECTION_READERS, request: async () => ({}) },
  {
    method: 'GET',
    path: '/inspection-cases/:id',
    // The inspector of this table belongs to no team: only the office and viewers read it.
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: { id: await escalatedInspectionCase() } }),
    unknown: [unknownParam('id', 'inspection case id')],
  },
  {
    method: 'POST',
    path: '/inspection-cases/:id/actions',
    expect: OFFICE_ONLY,
    request: async () => ({ params: { id: await escalatedInspectionCase() }, body: { type: 'on_site_inspection', date: '2026-11-01', findings: '权限检查' } }),
    unknown: [unknownParam('id', 'inspection case id')],
  },
  // Scoped: each reader gets what they may read of the unit's history (an empty one otherwise).
  {
    method: 'GET',
    path: '/units/:creditCode/enforcement-history',
    expect: SIGNED_IN,
    request: async () => {
      const facts = unitFacts(fx.own.id);
      await must(201, 'POST', '/units', { body: facts }, fx.tokens.office);
      return { params: { creditCode: facts.creditCode } };
    },
    unknown: [unknownParam('creditCode', 'credit code')],
  },
  { method: 'GET', path: '/exposure-list', expect: CAMPAIGN_READERS, request: async () => ({}) },
  // The office's queue of proposals (and those decided): the office decides, viewers read.
  { method: 'GET', path: '/exposure-proposals', expect: CAMPAIGN_READERS, request: async () => ({ query: { status: 'proposed' } }) },
  // Scoped, both views: officers count their department's cases, inspectors their team's.
  { method: 'GET', path: '/compliance/overview/units', expect: SIGNED_IN, request: async () => ({}) },
  { method: 'GET', path: '/compliance/overview/cases', expect: SIGNED_IN, request: async () => ({}) },
  { method: 'GET', path: '/duty-matrix', expect: SIGNED_IN, request: async () => ({}) },
  { method: 'GET', path: '/duty-matrix/changes', expect: SIGNED_IN, request: async () => ({}) },
  {
    method: 'PUT',
    path: '/duty-matrix/:kind/:key',
    expect: OFFICE_ONLY,
    // The shared matrix is every test's: the office sets a route to what it already is (logs nothing).
    request: async () => {
      const routes: Array<{ kind: string; key: string; label: string; departmentId: string }> = await must(200, 'GET', '/duty-matrix', {}, fx.tokens.office);
      const route = routes.find((r) => r.kind === 'function' && r.key === 'registration')!;
      return { params: { kind: route.kind, key: route.key }, body: { departmentId: route.departmentId, label: route.label } };
    },
    unknown: [unknownInBody('departmentId', 'department id in the body')],
  },

  {
    method: 'GET',
    path: '/inbox',
    expect: DUTY_READERS,
    request: async () => ({ query: { departmentId: fx.own.id } }),
    // A department officer naming any department but their own is refused before the lookup.
    unknown: [{ what: 'department id', change: (r) => ({ ...r, query: { departmentId: unknownId() } }), callers: ['office', 'viewer'] }],
  },
  { method: 'GET', path: '/overview/duties', expect: DUTY_READERS, request: async () => ({ query: { departmentId: fx.own.id } }) },
  {
    method: 'GET',
    path: '/overview/departments',
    expect: SCOPED_STATS_READERS,
    request: async () => ({ query: { groupBy: 'department' } }),
    check: (caller, body: { rows: Array<{ id: string }> }) => {
      const seen = body.rows.map((row) => row.id);
      if (caller === 'ownOfficer') expect(seen).toEqual([fx.own.id]);
      if (caller === 'foreignOfficer') expect(seen).not.toContain(fx.own.id);
      if (caller === 'office' || caller === 'viewer') expect(seen).toContain(fx.own.id);
    },
  },
  { method: 'GET', path: '/overview/overdue', expect: DUTY_READERS, request: async () => ({ query: { departmentId: fx.own.id } }) },
  {
    method: 'POST',
    path: '/bulk-actions/remind-overdue',
    expect: OFFICE_ONLY,
    request: async () => ({ body: { departmentId: fx.own.id, note: '请抓紧办理' } }),
    unknown: [unknownInBody('departmentId', 'department id in the body')],
  },
  {
    method: 'POST',
    path: '/bulk-actions/extend',
    expect: OFFICE_ONLY,
    request: async () => ({ body: { dutyIds: [fx.dutyId], dueAt: inDays(50), reason: '统一延期' } }),
  },

  { method: 'POST', path: '/campaigns', expect: OFFICE_ONLY, request: async () => ({ body: campaignBody(`${YEAR}-12-31`) }) },
  { method: 'GET', path: '/campaigns', expect: CAMPAIGN_READERS, request: async () => ({}) },
  { method: 'GET', path: '/campaigns/:id', expect: CAMPAIGN_READERS, request: async () => ({ params: campaignParams() }), unknown: [UNKNOWN_CAMPAIGN] },
  { method: 'GET', path: '/campaigns/:id/live', expect: CAMPAIGN_READERS, request: async () => ({ params: campaignParams() }), unknown: [UNKNOWN_CAMPAIGN] },
  { method: 'GET', path: '/campaigns/:id/events', expect: CAMPAIGN_READERS, request: async () => ({ params: campaignParams() }), unknown: [UNKNOWN_CAMPAIGN] },
  { method: 'GET', path: '/campaigns/:id/duty-matrix', expect: CAMPAIGN_READERS, request: async () => ({ params: campaignParams() }), unknown: [UNKNOWN_CAMPAIGN] },
  {
    method: 'PUT',
    path: '/campaigns/:id/duty-matrix/:kind/:key',
    expect: OFFICE_ONLY,
    request: async () => ({
      params: { ...campaignParams(), kind: 'function', key: 'registration' },
      body: { departmentId: fx.own.id, reason: '由本部门牵头' },
    }),
    unknown: [
      UNKNOWN_CAMPAIGN,
      { what: 'route key', change: (r) => withParams(r, { key: `no_such_key_${randomUUID().slice(0, 8)}` }) },
      unknownInBody('departmentId', 'department id in the body'),
    ],
  },
  {
    method: 'PUT',
    path: '/campaigns/:id/escalation-ladder',
    expect: OFFICE_ONLY,
    request: async () => ({
      params: campaignParams(),
      body: {
        reminderBefore: { workingDays: 2 },
        escalationLadder: [
          { step: 'overdue', after: { workingDays: 0 }, notify: ['department_liaison', 'office'] },
          { step: 'chase_head', after: { workingDays: 1 }, notify: ['department_head'] },
        ],
        reason: '权限检查',
      },
    }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'GET',
    path: '/campaigns/:id/phases/:phaseId',
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: phaseParams() }),
    unknown: [UNKNOWN_CAMPAIGN, UNKNOWN_PHASE, { what: 'phase id (of another campaign)', change: (r) => withParams(r, { phaseId: fx.closed.phaseId }) }],
  },
  {
    method: 'PUT',
    path: '/campaigns/:id/targets',
    expect: OFFICE_ONLY,
    request: async () => ({ params: campaignParams(), body: { targets: [], reason: '权限检查' } }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'PUT',
    path: '/campaigns/:id/leading-group',
    expect: OFFICE_ONLY,
    request: async () => ({
      params: campaignParams(),
      body: { leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] }, reason: '权限检查' },
    }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'GET',
    path: '/campaigns/:id/phases/:phaseId/summary',
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: { id: fx.closed.id, phaseId: fx.closed.phaseId } }),
    unknown: [UNKNOWN_CAMPAIGN, UNKNOWN_PHASE],
  },
  {
    method: 'GET',
    path: '/campaigns/:id/phases/:phaseId/live',
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: phaseParams() }),
    unknown: [UNKNOWN_CAMPAIGN, UNKNOWN_PHASE],
  },
  // What a launch would create; writes nothing (the phase stays planned).
  {
    method: 'GET',
    path: '/campaigns/:id/phases/:phaseId/launch-preview',
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: phaseParams() }),
    unknown: [UNKNOWN_CAMPAIGN, UNKNOWN_PHASE],
  },
  {
    method: 'PUT',
    path: '/campaigns/:id/phases/:phaseId',
    expect: OFFICE_ONLY,
    // The phase stays planned: revisable again.
    request: async () => ({
      params: phaseParams(),
      body: { kind: 'mobilisation', name: '动员部署（修订）', window: { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` }, templates: [], reason: '权限检查' },
    }),
    unknown: [UNKNOWN_CAMPAIGN, UNKNOWN_PHASE],
  },
  {
    method: 'POST',
    path: '/campaigns/:id/phases/:phaseId/launch',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => {
      const campaign = await createCampaign();
      return { params: { id: campaign.id, phaseId: campaign.phaseId }, body: {} };
    },
    unknown: [UNKNOWN_CAMPAIGN, UNKNOWN_PHASE],
  },

  // Progress (issue 5): the office and viewers read it all; any department officer the
  // campaign's totals and their own unit's lines (so nobody's is foreign); inspectors nothing.
  ...(['/campaigns/:id/progress', '/campaigns/:id/progress/rankings', '/campaigns/:id/progress/history'] as const).map((path): RouteCase => ({
    method: 'GET',
    path,
    expect: SCOPED_STATS_READERS,
    request: async (): Promise<ApiRequest> => ({
      params: campaignParams(),
      query: path.endsWith('history') ? { from: `${YEAR}-01-01`, to: `${YEAR}-03-31` } : { asOf: `${YEAR}-06-30` },
    }),
    unknown: [UNKNOWN_CAMPAIGN],
    check: (caller, body: { scope: string }) =>
      expect(body.scope).toBe(caller === 'office' || caller === 'viewer' ? 'campaign' : caller.endsWith('Officer') ? 'own_unit' : body.scope),
  })),
  // The acceptance assessment and circulars (issue 5): the office runs them; viewers (assessors)
  // read everything, a department officer their own unit's row and the published circulars.
  { method: 'GET', path: '/campaigns/:id/assessment-rules', expect: CAMPAIGN_READERS, request: async () => ({ params: campaignParams() }), unknown: [UNKNOWN_CAMPAIGN] },
  {
    method: 'PUT',
    path: '/campaigns/:id/assessment-rules',
    expect: OFFICE_ONLY,
    request: async () => ({ params: campaignParams(), body: { rules: DEFAULT_ASSESSMENT_RULES, reason: '权限检查' } }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'POST',
    path: '/campaigns/:id/assessments',
    expect: OFFICE_ONLY,
    // The draft exists: the office's call recomputes it.
    request: async () => ({ params: { id: (await draftAssessmentOnce()).campaignId }, body: {} }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'GET',
    path: '/campaigns/:id/assessment',
    expect: SCOPED_STATS_READERS,
    request: async () => ({ params: { id: (await draftAssessmentOnce()).campaignId } }),
    unknown: [UNKNOWN_CAMPAIGN],
    check: ownRowOnly,
  },
  {
    method: 'GET',
    path: '/assessments/:id',
    expect: SCOPED_STATS_READERS,
    request: async () => ({ params: { id: (await draftAssessmentOnce()).assessmentId } }),
    unknown: [UNKNOWN_ASSESSMENT],
    check: ownRowOnly,
  },
  {
    method: 'PUT',
    path: '/assessments/:id/units/:unitId',
    expect: OFFICE_ONLY,
    request: async () => ({
      params: { id: (await draftAssessmentOnce()).assessmentId, unitId: fx.own.id },
      body: { commendation: false, criticism: false, awardIneligible: true, subsidyAdjustmentYuan: null, reason: '权限检查' },
    }),
    unknown: [UNKNOWN_ASSESSMENT, unknownParam('unitId', 'unit id')],
  },
  {
    method: 'POST',
    path: '/assessments/:id/finalise',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => ({ params: { id: (await assessedCampaign()).assessmentId }, body: { reason: '权限检查' } }),
    unknown: [UNKNOWN_ASSESSMENT],
  },
  {
    method: 'POST',
    path: '/campaigns/:id/circulars',
    expect: OFFICE_ONLY,
    // A draft of the same quarter is drafted again.
    request: async () => ({ params: { id: (await (revisableCircular ??= draftCircular())).campaignId }, body: { kind: 'quarterly', quarter: `${YEAR}-Q1` } }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'GET',
    path: '/campaigns/:id/circulars',
    expect: SCOPED_STATS_READERS,
    request: async () => ({ params: { id: (await publishedCircularOnce()).campaignId } }),
    unknown: [UNKNOWN_CAMPAIGN],
    check: (_caller, body) => expect(body).toHaveLength(1),
  },
  {
    method: 'GET',
    path: '/circulars/:id',
    expect: SCOPED_STATS_READERS,
    request: async () => ({ params: { id: (await publishedCircularOnce()).circularId } }),
    unknown: [UNKNOWN_CIRCULAR],
  },
  {
    method: 'GET',
    path: '/circulars/:id/page',
    expect: SCOPED_STATS_READERS,
    request: async () => ({ params: { id: (await publishedCircularOnce()).circularId } }),
    unknown: [UNKNOWN_CIRCULAR],
  },
  {
    method: 'PUT',
    path: '/circulars/:id',
    expect: OFFICE_ONLY,
    request: async () => ({ params: { id: (await (revisableCircular ??= draftCircular())).circularId }, body: { title: '关于权限检查的通报', body: '正文', reason: '权限检查' } }),
    unknown: [UNKNOWN_CIRCULAR],
  },
  {
    method: 'POST',
    path: '/circulars/:id/publish',
    expect: OFFICE_ONLY,
    consumes: true,
    request: async () => ({ params: { id: (await draftCircular()).circularId } }),
    unknown: [UNKNOWN_CIRCULAR],
  },
  // Periodic reports (issue 5): the office and viewers read the plan, rounds and flags; the office
  // sets the plan; a report is read by its unit's officer (lists are scoped) and filed only by them.
  { method: 'GET', path: '/campaigns/:id/report-plan', expect: CAMPAIGN_READERS, request: async () => ({ params: campaignParams() }), unknown: [UNKNOWN_CAMPAIGN] },
  {
    method: 'PUT',
    path: '/campaigns/:id/report-plan',
    expect: OFFICE_ONLY,
    request: async () => ({ params: { id: (await reportingCampaignOnce()).campaignId }, body: { plan: MONTHLY_BY_DEPARTMENTS, reason: '权限检查' } }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'GET',
    path: '/campaigns/:id/report-rounds',
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: { id: (await reportingCampaignOnce()).campaignId } }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'GET',
    path: '/campaigns/:id/report-flags',
    expect: CAMPAIGN_READERS,
    request: async () => ({ params: { id: (await reportingCampaignOnce()).campaignId } }),
    unknown: [UNKNOWN_CAMPAIGN],
  },
  {
    method: 'GET',
    path: '/reports',
    expect: SCOPED_STATS_READERS,
    request: async () => ({ query: { campaignId: (await reportingCampaignOnce()).campaignId } }),
    check: (caller, body: { items: Array<{ unitId: string }> }) => {
      if (caller === 'ownOfficer') expect(body.items.map((r) => r.unitId)).toEqual([fx.own.id]);
      if (caller === 'foreignOfficer') expect(body.items).toEqual([]);
      if (caller === 'office' || caller === 'viewer') expect(body.items).toHaveLength(1);
    },
  },
  {
    method: 'GET',
    path: '/reports/:id',
    expect: DUTY_READERS,
    request: async () => ({ params: { id: (await reportingCampaignOnce()).reportId } }),
    unknown: [UNKNOWN_REPORT],
  },
  {
    method: 'POST',
    path: '/reports/:id/filings',
    expect: OWN_DEPARTMENT_ONLY,
    consumes: true,
    request: async () => ({ params: { id: (await campaignOwingReport()).reportId }, body: REPORT_FILING }),
    unknown: [UNKNOWN_REPORT],
  },
  // Saved filters (the console's 常用筛选): every signed-in user keeps their own and shares with
  // their role. A filter is deleted by its owner, or by the office when it is shared: here a
  // viewer's shared filter, so the viewer (its owner) and the office may, nobody else.
  { method: 'GET', path: '/saved-filters', expect: SIGNED_IN, request: async () => ({ query: { view: 'duty-board' } }) },
  {
    method: 'POST',
    path: '/saved-filters',
    expect: SIGNED_IN,
    request: async () => ({ body: { view: 'duty-board', name: `权限检查${randomUUID().slice(0, 6)}`, filters: { overdue: 'true' }, shared: true } }),
  },
  {
    method: 'DELETE',
    path: '/saved-filters/:id',
    expect: { none: 401, admin: 403, office: 'ok', viewer: 'ok', inspector: 403, ownOfficer: 403, foreignOfficer: 403 },
    consumes: true,
    request: async () => {
      const body = { view: 'duty-board', name: `查阅人员共享${randomUUID().slice(0, 6)}`, filters: { late: 'true' }, shared: true };
      return { params: { id: (await must(201, 'POST', '/saved-filters', { body }, fx.tokens.viewer)).id } };
    },
    unknown: [unknownParam('id', 'saved filter id')],
  },
];

const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
const isOk = (outcome: Outcome) => outcome === 'ok';

interface Check {
  label: string;
  route: RouteCase;
  caller: Caller;
  expected: Outcome;
  unknown?: UnknownId;
}

const CHECKS: Check[] = ROUTES.flatMap((route) => [
  ...CALLERS.map((caller): Check => ({ label: `${routeKey(route)} as ${caller} → ${route.expect[caller]}`, route, caller, expected: route.expect[caller] })),
  ...(route.unknown ?? []).flatMap((unknown) =>
    (unknown.callers ?? CALLERS.filter((c) => c !== 'none' && isOk(route.expect[c]))).map((caller): Check => ({
      label: `${routeKey(route)} as ${caller} naming an unknown ${unknown.what} → 404`,
      route,
      caller,
      expected: 404,
      unknown,
    })),
  ),
]);

/** Method and path of every route the Express app behind Nest has registered. */
function registeredRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance();
  const router = express.router ?? express._router;
  const found: string[] = [];
  for (const layer of router.stack as any[]) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        found.push(`${method === '_all' ? 'ALL' : method.toUpperCase()} ${String(layer.route.path)}`);
      }
    } else if (Array.isArray(layer.handle?.stack)) {
      // A mounted router's routes are not listed here: make the gap visible rather than pass.
      found.push(`ROUTER mounted as middleware "${layer.name}"`);
    }
  }
  return found;
}

/** Swagger's pages, served beside the API and not by a controller: public, marked here. */
const DOCUMENTATION = new Set(ROUTES.filter((route) => route.path === '/docs' || route.path.startsWith('/docs/') || route.path.startsWith('/docs-')).map(routeKey));

/** What a controller route says about access: its action, or that it is public. */
interface RoutePolicy {
  action: AccessAction | null;
  isPublic: boolean;
  /** Controller and method, for a failure's message. */
  handler: string;
}

/** Method and path of every controller route, with its access metadata (Nest's route metadata). */
function routePolicies(app: INestApplication): Map<string, RoutePolicy> {
  const found = new Map<string, RoutePolicy>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prefix = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const action = (Reflect.getMetadata(ACCESS_ACTION, handler) ?? Reflect.getMetadata(ACCESS_ACTION, controller) ?? null) as string | null;
        const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller));
        for (const base of prefix) {
          for (const sub of [Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat() as string[]) {
            const path = `/${[base, sub].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
            if (action !== null && !isAccessAction(action)) throw new Error(`${controller.name}.${name}: @Allow('${action}') names no action of the access policy`);
            found.set(`${RequestMethod[method]} ${path}`, { action, isPublic, handler: `${controller.name}.${name}` });
          }
        }
      }
    }
  }
  return found;
}

const CALLER_ROLE: Readonly<Record<Exclude<Caller, 'none'>, Role>> = {
  admin: 'admin',
  office: 'office',
  viewer: 'viewer',
  inspector: 'inspector',
  ownOfficer: 'department_officer',
  foreignOfficer: 'department_officer',
};

/** What the table says a caller hears: 403, anything but 403, or 'row' (the service decides on the row). */
function tableSays(policy: RoutePolicy | undefined, caller: Caller): 403 | 'not 403' | 'row' | 'public' | 401 {
  if (!policy || policy.isPublic) return 'public';
  if (caller === 'none') return 401;
  const scope = policy.action ? scopeOf({ role: CALLER_ROLE[caller] }, policy.action) : null;
  if (scope === null) return 403;
  return scope === 'all' ? 'not 403' : 'row';
}

describe('access by role: every route, every caller', () => {
  let policies: Map<string, RoutePolicy>;
  /** Requests that refused callers share, per route (see RouteCase.consumes). */
  const shared = new Map<string, Promise<ApiRequest>>();
  const requestFor = (route: RouteCase, fresh: boolean): Promise<ApiRequest> => {
    if (fresh) return route.request();
    const key = routeKey(route);
    let request = shared.get(key);
    if (!request) {
      request = route.request();
      shared.set(key, request);
      void request.catch(() => shared.delete(key));
    }
    return request;
  };

  beforeAll(async () => {
    // Days of a second: the phase with a one-day window closes a second after its launch.
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '1' });
    const office = await stack.userWithToken('office');
    const admin = await stack.userWithToken('admin');
    await seededDepartments(stack, office.token);
    const [own, foreign, third] = await Promise.all([1, 2, 3].map(() => stack.department(office.token)));
    const [viewer, inspector, ownOfficer, foreignOfficer] = await Promise.all([
      stack.userWithToken('viewer'),
      stack.userWithToken('inspector'),
      stack.userWithToken('department_officer', own.id),
      stack.userWithToken('department_officer', foreign.id),
    ]);
    const kinds = {
      admin: ['admin', null],
      office: ['office', null],
      viewer: ['viewer', null],
      inspector: ['inspector', null],
      ownOfficer: ['department_officer', own.id],
      foreignOfficer: ['department_officer', foreign.id],
    } as const;
    fx = {
      freshToken: async (caller) => (await stack.userWithToken(kinds[caller][0], kinds[caller][1])).token,
      tokens: { admin: admin.token, office: office.token, viewer: viewer.token, inspector: inspector.token, ownOfficer: ownOfficer.token, foreignOfficer: foreignOfficer.token },
      loginName: viewer.user.username,
      own,
      foreign,
      third,
      dutyId: '',
      evidenceId: '',
      planned: { id: '', phaseId: '' },
      closed: { id: '', phaseId: '' },
    };
    policies = routePolicies(stack.api);
    fx.dutyId = await assignDuty();
    const evidence = { params: { id: fx.dutyId }, file: { bytes: pdf('fixture'), name: '名单.pdf', type: 'application/pdf' } };
    fx.evidenceId = (await must(201, 'POST', '/duties/:id/evidence', evidence, fx.tokens.ownOfficer)).id;
    await must(201, 'POST', '/duties/:id/comments', { params: { id: fx.dutyId }, body: { text: '请按时报送' } }, fx.tokens.office);
    fx.planned = await createCampaign();
    fx.closed = await createCampaign(`${YEAR}-01-01`);
    await must(200, 'POST', '/campaigns/:id/phases/:phaseId/launch', { params: { id: fx.closed.id, phaseId: fx.closed.phaseId }, body: {} }, fx.tokens.office);
    await waitFor('the one-day phase to close', async () => {
      const phase = await must(200, 'GET', '/campaigns/:id/phases/:phaseId', { params: { id: fx.closed.id, phaseId: fx.closed.phaseId } }, fx.tokens.office);
      return phase.status === 'closed';
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('has an expectation for every route the app registers, and for no other', () => {
    const registered = registeredRoutes(stack.api);
    const listed = ROUTES.map(routeKey);
    expect({
      unlisted: registered.filter((route) => !listed.includes(route)),
      notRegistered: listed.filter((route) => !registered.includes(route)),
      listedTwice: listed.filter((route, i) => listed.indexOf(route) !== i),
    }).toEqual({ unlisted: [], notRegistered: [], listedTwice: [] });
  });

  it('finds an access-policy action or a public mark on every route the app serves', () => {
    const registered = registeredRoutes(stack.api);
    expect({
      servedByNoController: registered.filter((route) => !policies.has(route) && !DOCUMENTATION.has(route)),
      namingNoAction: [...policies].filter(([, policy]) => !policy.isPublic && policy.action === null).map(([route, policy]) => `${route} (${policy.handler})`),
      publicAndNamingAnAction: [...policies].filter(([, policy]) => policy.isPublic && policy.action !== null).map(([route]) => route),
    }).toEqual({ servedByNoController: [], namingNoAction: [], publicAndNamingAnAction: [] });
  });

  it('agrees with the expectations kept from before wherever the table decides', () => {
    const disagreements = ROUTES.flatMap((route) =>
      CALLERS.flatMap((caller) => {
        const says = tableSays(policies.get(routeKey(route)), caller);
        const expected = route.expect[caller];
        const agrees = says === 'row' || says === 'public' ? true : says === 'not 403' ? expected !== 403 && expected !== 401 : expected === says;
        return agrees ? [] : [`${routeKey(route)} as ${caller}: the table says ${says}, the expectation ${expected}`];
      }),
    );
    expect(disagreements).toEqual([]);
  });

  it.each(CHECKS)('$label', async ({ route, caller, expected, unknown }) => {
    const fresh = Boolean(route.consumes) && isOk(expected) && !unknown;
    let request = await requestFor(route, fresh);
    if (unknown) request = unknown.change(request);
    const token = caller === 'none' ? undefined : route.ownSession ? await fx.freshToken(caller) : fx.tokens[caller];
    const answer = await send(route.method, route.path, request, token);
    const outcome = answer.status >= 200 && answer.status < 300 ? 'ok' : answer.status;
    // A refusal that was not one used up the shared fixture: the next caller gets a new one.
    if (!fresh && outcome === 'ok' && route.consumes) shared.delete(routeKey(route));
    expect({ outcome, answer: answer.body }).toMatchObject({
      outcome: expected,
      // Refusals are the permission checks' own, not some other failure with the same status.
      ...(expected === 403 ? { answer: { code: 'ACTION_NOT_PERMITTED' } } : {}),
      ...(expected === 401 ? { answer: { error: 'UNAUTHORIZED' } } : {}),
    });
    if (outcome === 'ok') route.check?.(caller, answer.body);
    // The table's word, beside the expectation: 403 exactly when it refuses the role.
    const says = tableSays(policies.get(routeKey(route)), caller);
    if (says === 403) expect(outcome).toBe(403);
    if (says === 'not 403') expect(outcome).not.toBe(403);
  });
});

/**
 * The engine matrix: Duban's workloads as ratios to bare Temporal baselines measured on the
 * same server in the same run, with 1 and with 2 workers (built workers, child processes, so two
 * are really two). For each worker count: a fresh database, the built API and the workers as
 * child processes, then
 *
 *   B0   N client starts of a no-op workflow (bare workers of their own), starts/s to the last completion;
 *   B1   the same, one no-op activity each;
 *   tree the phase's shape with no-op children (root → batches of 200 → N children), and with
 *        children of two no-op activities (a duty's two activities without Duban in them);
 *   fan-out   a phase of N duties launched through the API (phase-fanout's campaign), duties/s
 *             until every duty is recorded and its assignment e-mail sent;
 *   comparison   a run over a library of N units, one in ten a finding (compliance-run's shape),
 *             cases/s until every case's workflow runs;
 *   user action   acknowledgements of distinct duties through the API, p50/p99, beside bare
 *             updates on trivial workflows (one each) at the same concurrency: right after the
 *             first fan-out (the duties' workflows cached), and again after the larger ones
 *             (the first phase's workflows may have left the sticky cache: a replay each);
 *   worker RSS per cached workflow   a worker's resident memory before and after the first
 *             fan-out, over the growth of its sticky cache (the runtime's sticky_cache_size);
 *   deadlines   N duties of one phase due at the same instant a little ahead; for each, due →
 *             overdue mark written in PostgreSQL (a trigger of the benchmark's own times the
 *             write), p50/p99; the same for their reminders, which fall due together half-way.
 *
 * The engine is whatever TEMPORAL_ADDRESS points at (else the dev server the global setup
 * starts); BENCH_ENGINE only labels the tables. Needs `npm run build`.
 *
 *   npm run build && npm run bench                       (quick sizes: 15–30 minutes on 2 cores)
 *   BENCH_FULL=1 npm run bench                           (the issue's sizes: hours on 2 cores)
 *   TEMPORAL_ADDRESS=host:7233 BENCH_ENGINE=cluster BENCH_FULL=1 npm run bench
 *
 * Variables (a list is comma-separated; an empty list skips that part):
 *   BENCH_ENGINE        label of the engine in the tables (default dev)
 *   BENCH_FULL          1: defaults become the issue's sizes (below, in brackets)
 *   BENCH_WORKERS       worker counts, each a section of its own (1,2)
 *   BENCH_BASELINE_N    workflows per baseline, B0, B1 and the trees (1000 [5000])
 *   BENCH_SIZES         fan-out sizes in duties (500,2000 [1000,5000,20000])
 *   BENCH_UNITS         comparison library sizes in units (10000 [50000,200000])
 *   BENCH_ACTIONS       user actions and bare updates (200 [1000]); BENCH_ACTION_CONCURRENCY (10)
 *   BENCH_DEADLINES     duties due at the same instant (1000 [5000]); 0 skips
 *   BENCH_DEADLINES_LEAD_S   seconds from launch to their due time (default: from the fan-out rate measured just before)
 *   TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE   the engine (default: the dev server of the global setup, namespace default)
 *
 * It leaves its workflows on the server (idle, their timers weeks ahead): on a server that
 * persists, give it a namespace of its own.
 */
import { randomUUID } from 'node:crypto';
import { perDistrictTemplates, singlePhaseCampaign } from '../test/support/campaign-fixtures';
import { validCreditCode } from '../test/support/credit-codes';
import { waitFor } from '../test/support/wait-for';
import { Baselines, pool, type Latencies, type Throughput } from './support/baselines';
import { BenchStack } from './support/bench-stack';
import { cpuMeter, localTemporalServerPid, metricsDelta, percentile, type Metrics } from './support/proc';

const FULL = process.env.BENCH_FULL === '1';
const ENGINE = process.env.BENCH_ENGINE ?? 'dev';
const list = (name: string, quick: string, full: string) =>
  (process.env[name] ?? (FULL ? full : quick))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
const number = (name: string, quick: number, full: number) => Number(process.env[name] ?? (FULL ? full : quick));
const WORKERS = list('BENCH_WORKERS', '1,2', '1,2');
const BASELINE_N = number('BENCH_BASELINE_N', 1000, 5000);
const SIZES = list('BENCH_SIZES', '500,2000', '1000,5000,20000');
const UNITS = list('BENCH_UNITS', '10000', '50000,200000');
const ACTIONS = number('BENCH_ACTIONS', 200, 1000);
const ACTION_CONCURRENCY = number('BENCH_ACTION_CONCURRENCY', 10, 10);
const DEADLINES = number('BENCH_DEADLINES', 1000, 5000);
const DEADLINES_LEAD_S = process.env.BENCH_DEADLINES_LEAD_S ? Number(process.env.BENCH_DEADLINES_LEAD_S) : undefined;
const DISTRICTS = 50;
const FINDING_EVERY = 10;
const POLL = { timeoutMs: 2 * 60 * 60_000, intervalMs: 250 };

interface Section {
  workers: number;
  throughput: Map<string, Throughput & { label: string }>;
  latency: Map<string, Latencies & { label: string }>;
  /** Where the fan-out's time went: per size, the workers' runtime figures. */
  runtime: Map<string, Metrics>;
  notes: string[];
  rssPerCachedKiB?: number;
  deadlines?: DeadlineFigures;
}

interface DeadlineFigures {
  count: number;
  leadS: number;
  fanOutDoneS: number;
  remindersDueS: number;
  remindersDoneS: number;
  overdueDoneS: number;
  reminder: { p50: number; p99: number; max: number };
  overdue: { p50: number; p99: number; max: number };
  /** due → the workflow's timer fired (overdue_since is the workflow's clock when it fired). */
  timer: { p50: number; p99: number; max: number };
}

const sections: Section[] = [];

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (x: number) => (x >= 100 ? Math.round(x).toString() : x.toFixed(1));
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const spread = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) });

it(`measures Duban against bare Temporal baselines with ${WORKERS.join(' and ')} worker(s) on the ${ENGINE} engine`, async () => {
  const address = process.env.TEMPORAL_ADDRESS!;
  const temporalPid = /^(127\.0\.0\.1|localhost):\d+$/.test(address) ? localTemporalServerPid(Number(address.split(':')[1])) : undefined;
  for (const workers of WORKERS) {
    const section: Section = { workers, throughput: new Map(), latency: new Map(), runtime: new Map(), notes: [] };
    sections.push(section);
    await runSection(section, address, temporalPid);
    console.log(report());
  }
});

async function runSection(section: Section, address: string, temporalPid: number | undefined): Promise<void> {
  const { workers } = section;
  const stack = await BenchStack.start({ label: `bench_w${workers}_${randomUUID().slice(0, 4)}` });
  let postgres: number[] = [];
  const others = () => ({ temporal: temporalPid ? [temporalPid] : [], postgres, api: stack.apiPids });
  const groups = () => ({ workers: stack.workerPids, ...others() });
  const log = (line: string) => console.log(`[${ENGINE}, ${workers} worker${workers > 1 ? 's' : ''}] ${line}`);
  let baselines: Baselines | undefined;
  try {
    await stack.seed();
    const office = await stack.userWithToken('office');
    const districts = await stack.registerDistricts(office.token, DISTRICTS);

    // The baselines, by bare workers of their own, as many as Duban's workers.
    baselines = await Baselines.start({ address, namespace: process.env.TEMPORAL_NAMESPACE, workers, otherPids: others });
    postgres = await stack.postgresPids();
    for (const [key, label, measure] of [
      ['B0', `B0: client starts, no-op workflow`, () => baselines!.starts(BASELINE_N, 0)],
      ['B1', `B1: client starts, one no-op activity`, () => baselines!.starts(BASELINE_N, 1)],
      ['T0', `phase shape, no-op children`, () => baselines!.tree(BASELINE_N, 0)],
      ['T2', `phase shape, children of two no-op activities`, () => baselines!.tree(BASELINE_N, 2)],
    ] as const) {
      const figures = await measure();
      section.throughput.set(key, { ...figures, label });
      log(`${label}: ${rate(figures.perSecond)}/s (${BASELINE_N} in ${s(figures.elapsedMs)}) cpu ${JSON.stringify(figures.cpu)}`);
    }

    await stack.startWorkers(workers);
    // Idle: the workers have polled and run the housekeeping workflow's first task.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const cacheSize = (scrapes: Metrics[]) => scrapes.reduce((sum, m) => sum + (m.get('temporal_sticky_cache_size') ?? 0), 0);
    const rssIdle = stack.workerRss();
    const cacheIdle = cacheSize(await stack.workerMetrics());

    // Fan-out at each size.
    let firstPhase: string | undefined;
    let lastFanOutRate: number | undefined;
    for (const [index, size] of SIZES.entries()) {
      postgres = await stack.postgresPids();
      const before = await stack.workerMetrics();
      const cpu = cpuMeter(groups);
      const result = await fanOut(stack, office.token, districts, size, { workingDaysAfterLaunch: 30 });
      const used = cpu();
      section.runtime.set(`fanout:${size}`, metricsDelta(before, await stack.workerMetrics()));
      section.throughput.set(`fanout:${size}`, {
        perSecond: result.count / (result.doneMs / 1000),
        elapsedMs: result.doneMs,
        count: result.count,
        cpu: used,
        label: `Duban fan-out, ${result.count} duties`,
      });
      lastFanOutRate = result.count / (result.doneMs / 1000);
      log(
        `fan-out ${result.count}: launch answered ${s(result.answeredMs)}, duties recorded ${s(result.recordedMs)}, e-mails sent ${s(result.doneMs)}; cpu ${JSON.stringify(used)}`,
      );
      if (index === 0) {
        firstPhase = result.phaseId;
        const rss = stack.workerRss();
        const cached = cacheSize(await stack.workerMetrics());
        const grown = rss.reduce((a, b) => a + b, 0) - rssIdle.reduce((a, b) => a + b, 0);
        if (cached > cacheIdle) section.rssPerCachedKiB = grown / 1024 / (cached - cacheIdle);
        section.notes.push(
          `worker RSS: ${rssIdle.map((b) => Math.round(b / 2 ** 20)).join(' + ')} MiB idle (${cacheIdle} cached), ${rss.map((b) => Math.round(b / 2 ** 20)).join(' + ')} MiB after the fan-out of ${result.count} (${cached} cached)`,
        );
        log(section.notes.at(-1)!);
        // A user's action on a duty whose workflow is cached: acknowledgements of distinct duties,
        // beside bare updates at the same concurrency.
        if (ACTIONS > 0) {
          const bare = await baselines.updates(ACTIONS, ACTION_CONCURRENCY);
          section.latency.set('bare', { ...bare, label: `bare update, trivial workflow (one each)` });
          const acted = await acknowledgements(stack, firstPhase, ACTIONS, ACTION_CONCURRENCY);
          section.latency.set('action', { ...acted, label: `user action: acknowledge a duty (API → update → activity), its workflow cached` });
          log(`bare update p50 ${bare.p50} ms p99 ${bare.p99} ms; acknowledge p50 ${acted.p50} ms p99 ${acted.p99} ms`);
        }
      }
    }

    // The same after the larger fan-outs: the first phase's duties may have left the workers' caches.
    if (firstPhase && ACTIONS > 0 && SIZES.length > 1) {
      const cached = cacheSize(await stack.workerMetrics());
      const bare = await baselines.updates(ACTIONS, ACTION_CONCURRENCY);
      section.latency.set('bare-late', { ...bare, label: `bare update, again` });
      const acted = await acknowledgements(stack, firstPhase, ACTIONS, ACTION_CONCURRENCY);
      section.latency.set('action-late', { ...acted, label: `user action after all fan-outs (${cached} workflows cached, the duty's maybe not)` });
      log(`again: bare update p50 ${bare.p50} ms p99 ${bare.p99} ms; acknowledge p50 ${acted.p50} ms p99 ${acted.p99} ms (${cached} cached)`);
    }

    // Comparison runs.
    if (UNITS.length > 0) {
      const campaignId = await comparisonCampaign(stack, office.token);
      let library = 0;
      for (const units of UNITS) {
        library = await fillLibrary(stack, library, units);
        postgres = await stack.postgresPids();
        const cpu = cpuMeter(groups);
        const result = await comparison(stack, office.token, campaignId);
        const used = cpu();
        section.throughput.set(`compare:${units}`, {
          perSecond: result.findings / (result.runningMs / 1000),
          elapsedMs: result.runningMs,
          count: result.findings,
          cpu: used,
          label: `comparison, ${units} units (${result.findings} cases)`,
        });
        log(`comparison of ${units} units: compared ${s(result.comparedMs)}, ${result.findings} case workflows running ${s(result.runningMs)}; cpu ${JSON.stringify(used)}`);
      }
    }

    // Simultaneous deadlines.
    if (DEADLINES > 0) {
      postgres = await stack.postgresPids();
      const before = await stack.workerMetrics();
      section.deadlines = await deadlines(stack, office.token, districts, DEADLINES, lastFanOutRate, log);
      section.runtime.set(`deadlines:${DEADLINES}`, metricsDelta(before, await stack.workerMetrics()));
      log(`deadlines: ${JSON.stringify(section.deadlines)}`);
    }
  } finally {
    await baselines?.stop();
    await stack.stop();
  }
}

interface FanOutResult {
  phaseId: string;
  count: number;
  answeredMs: number;
  recordedMs: number;
  doneMs: number;
  launchedAt: number;
}

/** phase-fanout's campaign: one phase, `size` duties as 50 districts × templates, launched through the API. */
async function fanOut(
  stack: BenchStack,
  token: string,
  districts: Array<{ id: string }>,
  size: number,
  due: { workingDaysAfterLaunch: number } | { at: string },
): Promise<FanOutResult> {
  const templates = Math.ceil(size / DISTRICTS);
  const created = await stack.http('POST', '/campaigns', {
    token,
    body: singlePhaseCampaign({
      name: `基准 ${size} ${randomUUID().slice(0, 6)}`,
      place: '基准市',
      legal: '基准',
      legalNumber: `基准${randomUUID().slice(0, 8)}`,
      districtIds: districts.map((d) => d.id),
      templates: perDistrictTemplates(templates, '事项', due),
    }),
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const phaseId: string = created.body.phases[0].id;
  const started = Date.now();
  const launched = await stack.http('POST', `/campaigns/${created.body.id}/phases/${phaseId}/launch`, { token, body: {} });
  if (launched.status !== 200) throw new Error(JSON.stringify(launched.body));
  const answeredMs = Date.now() - started;
  const count: number = launched.body.dutyCount;
  await waitFor('duties', async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM duties WHERE phase_id = $1`, [phaseId]))[0].n === count, POLL);
  const recordedMs = Date.now() - started;
  await waitFor(
    'assignment e-mails',
    async () =>
      (
        await stack.dataSource.query(
          `SELECT count(*)::int AS n FROM emails e JOIN duties d ON d.id = e.duty_id WHERE d.phase_id = $1 AND e.status = 'sent' AND e.idempotency_key LIKE '%:assigned'`,
          [phaseId],
        )
      )[0].n === count,
    POLL,
  );
  // The last e-mail's own time, not the poll's.
  const [{ last }] = await stack.dataSource.query(
    `SELECT max(e.sent_at) AS last FROM emails e JOIN duties d ON d.id = e.duty_id WHERE d.phase_id = $1 AND e.idempotency_key LIKE '%:assigned'`,
    [phaseId],
  );
  const doneMs = Math.max(recordedMs, new Date(last).getTime() - started);
  return { phaseId, count, answeredMs, recordedMs, doneMs, launchedAt: started };
}

async function acknowledgements(stack: BenchStack, phaseId: string, n: number, concurrency: number): Promise<Latencies> {
  const duties: Array<{ id: string; department_id: string }> = await stack.dataSource.query(
    `SELECT id, department_id FROM duties WHERE phase_id = $1 AND state = 'assigned' ORDER BY id LIMIT $2`,
    [phaseId, n],
  );
  if (duties.length < n) throw new Error(`only ${duties.length} assigned duties to acknowledge`);
  const tokens = new Map<string, string>();
  for (const departmentId of new Set(duties.map((d) => d.department_id))) tokens.set(departmentId, (await stack.userWithToken('department_officer', departmentId)).token);
  const refused: string[] = [];
  const started = Date.now();
  const times = await pool(n, concurrency, async (i) => {
    const answer = await stack.http('POST', `/duties/${duties[i].id}/acknowledge`, { token: tokens.get(duties[i].department_id), body: {} });
    if (answer.status !== 200) refused.push(`${answer.status} ${JSON.stringify(answer.body)}`);
  });
  const elapsed = Date.now() - started;
  if (refused.length > 0) throw new Error(`acknowledgements refused: ${refused.slice(0, 3).join('; ')}`);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: n / (elapsed / 1000), count: n, resent: 0 };
}

async function comparisonCampaign(stack: BenchStack, token: string): Promise<string> {
  const created = await stack.http('POST', '/campaigns', {
    token,
    body: singlePhaseCampaign({
      name: '比对基准',
      place: '基准市',
      legal: '基准',
      legalNumber: `基准-比对-${randomUUID().slice(0, 6)}`,
      districtIds: [],
      templates: [{ title: '摸底', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 200 } }],
    }),
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const launched = await stack.http('POST', `/campaigns/${created.body.id}/phases/${created.body.phases[0].id}/launch`, { token, body: {} });
  if (launched.status !== 200) throw new Error(JSON.stringify(launched.body));
  return created.body.id;
}

/** compliance-run's library, set up in SQL: grown to `size` units, one in ten on the tax register only; earlier cases closed. */
async function fillLibrary(stack: BenchStack, library: number, size: number): Promise<number> {
  await stack.dataSource.query(`UPDATE compliance_cases SET state = 'closed', outcome = 'dismissed', closed_at = now() WHERE state <> 'closed'`);
  const codes = Array.from({ length: Math.max(0, size - library) }, () => validCreditCode());
  for (let i = 0; i < codes.length; i += 5000) {
    await stack.dataSource.query(
      `INSERT INTO units (credit_code, name, sector_key, employees, insured, registrations, created_at, updated_at)
       SELECT code, '基准单位' || code, 'restaurants', 10, '{"pension":10}', '{"tax":true,"social_insurance":true}', now(), now()
       FROM unnest($1::text[]) AS code ON CONFLICT DO NOTHING`,
      [codes.slice(i, i + 5000)],
    );
  }
  await stack.dataSource.query(`UPDATE units SET registrations = '{"tax":true}', insured = '{}' WHERE ('x' || substr(md5(credit_code), 1, 8))::bit(32)::int % $1 = 0`, [
    FINDING_EVERY,
  ]);
  return size;
}

async function comparison(stack: BenchStack, token: string, campaignId: string): Promise<{ findings: number; comparedMs: number; runningMs: number }> {
  const [{ findings }] = await stack.dataSource.query(`SELECT count(*)::int AS findings FROM units WHERE NOT registrations ? 'social_insurance'`);
  const running = `WorkflowType = 'ComplianceCaseWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${stack.taskQueue}'`;
  const before = (await stack.temporal.workflow.count(running)).count;
  const started = Date.now();
  const run = await stack.http('POST', '/compliance-runs', { token, body: { campaignId } });
  if (run.status !== 202) throw new Error(JSON.stringify(run.body));
  const finished = await waitFor(
    'the comparison run',
    async () => {
      const got = await stack.http('GET', `/compliance-runs/${run.body.id}`, { token });
      return got.body.status === 'completed' && got.body;
    },
    POLL,
  );
  const comparedMs = Date.now() - started;
  if (finished.findingsNew !== findings) throw new Error(`expected ${findings} new findings, got ${finished.findingsNew}`);
  await waitFor('every case workflow', async () => (await stack.temporal.workflow.count(running)).count >= before + findings, POLL);
  return { findings, comparedMs, runningMs: Date.now() - started };
}

/**
 * `n` duties of one phase due at one instant: the lead from launch to it is long enough for the
 * fan-out and then the reminders (due together half-way) to be done before it, judged from the
 * fan-out rate measured just before; the figures say whether they were.
 */
async function deadlines(
  stack: BenchStack,
  token: string,
  districts: Array<{ id: string }>,
  n: number,
  fanOutRate: number | undefined,
  log: (line: string) => void,
): Promise<DeadlineFigures> {
  // The benchmark's own trigger stamps the moment each mark is written (clock_timestamp(), in the writing transaction).
  await stack.dataSource.query(`
    CREATE TABLE IF NOT EXISTS bench_marks (duty_id uuid NOT NULL, kind text NOT NULL, at timestamptz NOT NULL);
    CREATE OR REPLACE FUNCTION bench_mark() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.overdue_since IS NOT NULL AND OLD.overdue_since IS NULL THEN INSERT INTO bench_marks VALUES (NEW.id, 'overdue', clock_timestamp()); END IF;
      IF NEW.reminded_at IS NOT NULL AND OLD.reminded_at IS DISTINCT FROM NEW.reminded_at THEN INSERT INTO bench_marks VALUES (NEW.id, 'reminded', clock_timestamp()); END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER IF EXISTS bench_marks ON duties;
    CREATE TRIGGER bench_marks AFTER UPDATE ON duties FOR EACH ROW EXECUTE FUNCTION bench_mark();
  `);
  // Fan-out, then reminders (as costly): each needs n / rate; half the lead must hold both, with room.
  const perSecond = fanOutRate ?? 20;
  const leadS = DEADLINES_LEAD_S ?? Math.max(60, Math.ceil(2 * (1.5 * (n / perSecond) + 15)));
  // The campaign is created first (a few seconds): the lead counts from about the launch.
  const dueAt = new Date(Date.now() + leadS * 1000 + 5_000);
  log(`deadlines: ${n} duties due at ${dueAt.toISOString()} (lead ${leadS} s from launch, judged from ${rate(perSecond)} duties/s)`);
  const result = await fanOut(stack, token, districts, n, { at: dueAt.toISOString() });
  const launchedAt = result.launchedAt;
  const phaseId = result.phaseId;
  const marked = async (kind: string) =>
    (await stack.dataSource.query(`SELECT count(*)::int AS n FROM bench_marks m JOIN duties d ON d.id = m.duty_id WHERE d.phase_id = $1 AND m.kind = $2`, [phaseId, kind]))[0].n;
  await waitFor('the reminders', async () => (await marked('reminded')) >= result.count, POLL);
  await waitFor('the overdue marks', async () => (await marked('overdue')) >= result.count, POLL);
  const rows: Array<{ kind: string; lag_ms: number; timer_ms: number | null; last: Date }> = await stack.dataSource.query(
    `SELECT m.kind,
            extract(epoch FROM m.at - CASE m.kind WHEN 'overdue' THEN d.due_at
                                               ELSE d.assigned_at + (d.due_at - d.assigned_at) / 2 END) * 1000 AS lag_ms,
            CASE m.kind WHEN 'overdue' THEN extract(epoch FROM d.overdue_since - d.due_at) * 1000 END AS timer_ms,
            m.at AS last
       FROM bench_marks m JOIN duties d ON d.id = m.duty_id WHERE d.phase_id = $1`,
    [phaseId],
  );
  const lags = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => Math.round(Number(r.lag_ms)));
  const [{ reminders_due }] = await stack.dataSource.query(
    `SELECT extract(epoch FROM min(assigned_at + (due_at - assigned_at) / 2)) * 1000 AS reminders_due FROM duties WHERE phase_id = $1`,
    [phaseId],
  );
  const lastMark = (kind: string) => Math.max(...rows.filter((r) => r.kind === kind).map((r) => new Date(r.last).getTime()));
  return {
    count: result.count,
    leadS: Math.round((dueAt.getTime() - launchedAt) / 1000),
    fanOutDoneS: Math.round(result.doneMs / 1000),
    remindersDueS: Math.round((Number(reminders_due) - launchedAt) / 1000),
    remindersDoneS: Math.round((lastMark('reminded') - launchedAt) / 1000),
    overdueDoneS: Math.round((lastMark('overdue') - launchedAt) / 1000),
    reminder: spread(lags('reminded')),
    overdue: spread(lags('overdue')),
    timer: spread(rows.filter((r) => r.kind === 'overdue').map((r) => Math.round(Number(r.timer_ms)))),
  };
}

/** The tables, from every section measured so far. */
function report(): string {
  const date = new Date().toISOString().slice(0, 10);
  const heads = sections.map((x) => `${x.workers} worker${x.workers > 1 ? 's' : ''}`);
  const twoOverOne = sections.length >= 2 ? `${sections.at(-1)!.workers} ÷ ${sections[0].workers} workers` : undefined;
  const lines: string[] = [];
  lines.push(`\n### Engine: ${ENGINE} (${date}; baselines ${BASELINE_N} workflows each)\n`);
  lines.push(`| measure | ${heads.map((h) => `${h}: per second (÷ B0)`).join(' | ')} |${twoOverOne ? ` ${twoOverOne} |` : ''}`);
  lines.push(`|---|${heads.map(() => '---|').join('')}${twoOverOne ? '---|' : ''}`);
  const keys = [...new Set(sections.flatMap((x) => [...x.throughput.keys()]))];
  for (const key of keys) {
    const label = sections.find((x) => x.throughput.has(key))!.throughput.get(key)!.label;
    const cells = sections.map((x) => {
      const t = x.throughput.get(key);
      const b0 = x.throughput.get('B0');
      if (!t) return '–';
      return key === 'B0' ? `${rate(t.perSecond)} (${s(t.elapsedMs)})` : `${rate(t.perSecond)} (${ratio(b0 ? t.perSecond / b0.perSecond : NaN)})`;
    });
    const first = sections[0].throughput.get(key);
    const last = sections.at(-1)!.throughput.get(key);
    lines.push(`| ${label} | ${cells.join(' | ')} |${twoOverOne ? ` ${first && last ? ratio(last.perSecond / first.perSecond) : '–'} |` : ''}`);
  }

  lines.push(`\n| latency | ${heads.join(' | ')} |`);
  lines.push(`|---|${heads.map(() => '---|').join('')}`);
  const latencyRow = (key: string) => {
    const label = sections.find((x) => x.latency.has(key))?.latency.get(key)?.label;
    if (!label) return;
    lines.push(
      `| ${label}: p50 / p99 (n, concurrency ${ACTION_CONCURRENCY}) | ${sections
        .map((x) => {
          const l = x.latency.get(key);
          return l ? `${l.p50} / ${l.p99} ms (${l.count})` : '–';
        })
        .join(' | ')} |`,
    );
  };
  for (const [bare, action] of [
    ['bare', 'action'],
    ['bare-late', 'action-late'],
  ]) {
    latencyRow(bare);
    latencyRow(action);
    if (sections.some((x) => x.latency.has(action))) {
      lines.push(
        `| user action p99 ÷ bare update p99 (goal ≤ 1.5) | ${sections
          .map((x) => {
            const a = x.latency.get(action);
            const b = x.latency.get(bare);
            return a && b ? ratio(a.p99 / b.p99) : '–';
          })
          .join(' | ')} |`,
      );
    }
  }
  if (sections.some((x) => x.deadlines)) {
    const d = (f: (x: DeadlineFigures) => string) => sections.map((x) => (x.deadlines ? f(x.deadlines) : '–')).join(' | ');
    lines.push(`| deadlines: duties due at one instant | ${d((x) => String(x.count))} |`);
    lines.push(`| due → overdue mark written: p50 / p99 / max (goal p99 < 30 s) | ${d((x) => `${s(x.overdue.p50)} / ${s(x.overdue.p99)} / ${s(x.overdue.max)}`)} |`);
    lines.push(`| due → the workflow's timer fired (its clock): p50 / p99 | ${d((x) => `${s(x.timer.p50)} / ${s(x.timer.p99)}`)} |`);
    lines.push(`| their reminders, due together half-way → written: p50 / p99 | ${d((x) => `${s(x.reminder.p50)} / ${s(x.reminder.p99)}`)} |`);
    lines.push(
      `| from launch: fan-out done, reminders due, reminders written, due, overdue written | ${d(
        (x) => `${x.fanOutDoneS} s, ${x.remindersDueS} s, ${x.remindersDoneS} s, ${x.leadS} s, ${x.overdueDoneS} s`,
      )} |`,
    );
  }
  if (sections.some((x) => x.rssPerCachedKiB !== undefined)) {
    lines.push(
      `| worker RSS per cached workflow (first fan-out) | ${sections.map((x) => (x.rssPerCachedKiB === undefined ? '–' : `${Math.round(x.rssPerCachedKiB)} KiB`)).join(' | ')} |`,
    );
  }

  // Where the time goes: CPU seconds per thousand workflows (duties, cases) by process.
  lines.push(`\nCPU seconds per 1,000 workflows (duties, cases), by process:\n`);
  const groups = ['bare workers', 'workers', 'temporal', 'postgres', 'api', 'benchmark'];
  lines.push(`| measure | workers | wall s per 1,000 | ${groups.join(' | ')} |`);
  lines.push(`|---|---|---|${groups.map(() => '---|').join('')}`);
  for (const key of keys) {
    for (const x of sections) {
      const t = x.throughput.get(key);
      if (!t) continue;
      const per = 1000 / t.count;
      lines.push(
        `| ${t.label} | ${x.workers} | ${((t.elapsedMs / 1000) * per).toFixed(1)} | ${groups.map((g) => (t.cpu[g] === undefined ? '–' : (t.cpu[g] * per).toFixed(1))).join(' | ')} |`,
      );
    }
  }

  // The workers' own figures for the fan-out: mean milliseconds per execution, and queueing.
  const runtimeRows: string[] = [];
  for (const x of sections) {
    for (const [key, metrics] of x.runtime) {
      const mean = (name: string) => {
        const parts: string[] = [];
        for (const [k, sum] of metrics) {
          const m = new RegExp(`^${name}_sum(?:\\{(.*)\\})?$`).exec(k);
          if (!m) continue;
          const count = metrics.get(k.replace('_sum', '_count')) ?? 0;
          if (count > 0) parts.push(`${m[1] ?? 'all'} ${(sum / count).toFixed(1)} ms × ${count}`);
        }
        return parts.join(', ') || '–';
      };
      runtimeRows.push(
        `| ${key.startsWith('fanout:') ? `fan-out of ${key.slice(7)}` : `${key.slice(10)} deadlines (fan-out, reminders, overdue)`} | ${x.workers} | ${mean('temporal_workflow_task_execution_latency')} | ${mean('temporal_activity_execution_latency')} | ${mean(
          'temporal_workflow_task_schedule_to_start_latency',
        )} | ${mean('temporal_activity_schedule_to_start_latency')} |`,
      );
    }
  }
  if (runtimeRows.length > 0) {
    lines.push(`\nInside the workers (the Temporal runtime's figures, mean per execution):\n`);
    lines.push(`| what | workers | workflow task execution | activity execution | workflow task schedule-to-start | activity schedule-to-start |`);
    lines.push(`|---|---|---|---|---|---|`);
    lines.push(...runtimeRows);
  }
  for (const x of sections) for (const note of x.notes) lines.push(`\n${x.workers} worker(s): ${note}`);
  return lines.join('\n');
}

/**
 * What a comparison of the resource library costs as the library grows: for each size, that
 * many units (one in ten on the tax register only, so one finding each; the rest insured in
 * full) in a fresh library, one comparison run through the API against the real services.
 * Reports the time until the run has compared every unit and opened its cases, until every
 * case's workflow is running, and the largest history among the run's workflows, beside B0
 * (bench/support/baselines.ts: as many client starts of a no-op workflow as the largest run has
 * cases, by a bare worker of its own on the same server, in the same run).
 *
 *   npx jest -c bench/jest.config.js bench/compliance-run.bench.ts               (sizes 10000, 50000)
 *   BENCH_UNITS=2000,20000 npx jest -c bench/jest.config.js bench/compliance-run.bench.ts
 */
import { seededDepartments, singlePhaseCampaign } from '../test/support/campaign-fixtures';
import { validCreditCode } from '../test/support/credit-codes';
import { TestStack } from '../test/support/test-stack';
import { waitFor } from '../test/support/wait-for';
import { Baselines } from './support/baselines';
import { complianceCaseBatchWorkflowId, complianceRunWorkflowId } from '@duban/workflows';

const sizes = (process.env.BENCH_UNITS ?? '10000,50000').split(',').map(Number);
const FINDING_EVERY = 10;

it('measures a comparison run as the library grows', async () => {
  const stack = await TestStack.start();
  try {
    const office = await stack.userWithToken('office');
    await seededDepartments(stack, office.token);
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: singlePhaseCampaign({
        name: '比对基准',
        place: '基准市',
        legal: '基准',
        legalNumber: '基准-比对',
        districtIds: [],
        templates: [{ title: '摸底', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 200 } }],
      }),
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    const launched = await stack.http('POST', `/campaigns/${created.body.id}/phases/${created.body.phases[0].id}/launch`, { token: office.token, body: {} });
    if (launched.status !== 200) throw new Error(JSON.stringify(launched.body));

    const starts = Math.ceil(Math.max(...sizes) / FINDING_EVERY);
    const baselines = await Baselines.start({ address: stack.config.temporal.address, namespace: stack.config.temporal.namespace, workers: 1 });
    const b0 = await baselines.starts(starts, 0).finally(() => baselines.stop());
    console.log(`B0: ${starts} client starts of a no-op workflow, ${b0.perSecond.toFixed(1)}/s`);
    const table = [
      `| units | findings | run compared and opened cases | all case workflows running | cases/s | ÷ B0 (${Math.round(b0.perSecond)}/s) | largest history (events) |`,
      '|---|---|---|---|---|---|---|',
    ];
    let library = 0;
    for (const size of sizes) {
      // The library is set up in SQL (this measures the comparison, not the imports): each
      // size replaces the previous library, and earlier cases are closed so every finding is new.
      await stack.dataSource.query(`UPDATE compliance_cases SET state = 'closed', outcome = 'dismissed', closed_at = now() WHERE state <> 'closed'`);
      const codes = Array.from({ length: size - library }, () => validCreditCode());
      for (let i = 0; i < codes.length; i += 5000) {
        const chunk = codes.slice(i, i + 5000);
        await stack.dataSource.query(
          `INSERT INTO units (credit_code, name, sector_key, employees, insured, registrations, created_at, updated_at)
           SELECT code, '基准单位' || code, 'restaurants', 10, '{"pension":10}', '{"tax":true,"social_insurance":true}', now(), now()
           FROM unnest($1::text[]) AS code ON CONFLICT DO NOTHING`,
          [chunk],
        );
      }
      library = size;
      // One unit in ten is on the tax register only.
      await stack.dataSource.query(`UPDATE units SET registrations = '{"tax":true}', insured = '{}' WHERE ('x' || substr(md5(credit_code), 1, 8))::bit(32)::int % $1 = 0`, [
        FINDING_EVERY,
      ]);
      const [{ findings }] = await stack.dataSource.query(`SELECT count(*)::int AS findings FROM units WHERE NOT registrations ? 'social_insurance'`);

      const started = Date.now();
      const run = await stack.http('POST', '/compliance-runs', { token: office.token, body: { campaignId: created.body.id } });
      if (run.status !== 202) throw new Error(JSON.stringify(run.body));
      const poll = { timeoutMs: 60 * 60_000, intervalMs: 500 };
      const finished = await waitFor(
        'the run',
        async () => {
          const got = await stack.http('GET', `/compliance-runs/${run.body.id}`, { token: office.token });
          return got.body.status === 'completed' && got.body;
        },
        poll,
      );
      const compared = Date.now() - started;
      if (finished.findingsNew !== findings) throw new Error(`expected ${findings} new findings, got ${finished.findingsNew}`);
      await waitFor(
        'every case workflow',
        async () => (await stack.temporal.workflow.count(`WorkflowType = 'ComplianceCaseWorkflow' AND ExecutionStatus = 'Running'`)).count >= findings,
        poll,
      );
      const running = Date.now() - started;
      const histories = [(await stack.temporal.workflow.getHandle(complianceRunWorkflowId(run.body.id)).describe()).historyLength];
      histories.push((await stack.temporal.workflow.getHandle(complianceCaseBatchWorkflowId(run.body.id, 0)).describe()).historyLength);
      const perSecond = findings / (running / 1000);
      table.push(
        `| ${size} | ${findings} | ${(compared / 1000).toFixed(1)} s | ${(running / 1000).toFixed(1)} s | ${Math.round(perSecond)} | ${(perSecond / b0.perSecond).toFixed(2)}× | ${Math.max(...histories)} |`,
      );
      // Terminate this size's cases so the next size's count starts from none.
      for await (const execution of stack.temporal.workflow.list({ query: `WorkflowType = 'ComplianceCaseWorkflow' AND ExecutionStatus = 'Running'` })) {
        await stack.temporal.workflow.getHandle(execution.workflowId).terminate('benchmark size done');
      }
    }
    console.log(`\nComparison runs (${new Date().toISOString().slice(0, 10)}):\n\n${table.join('\n')}\n`);
  } finally {
    await stack.stop();
  }
});

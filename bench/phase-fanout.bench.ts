/**
 * What a phase launch costs as the phase grows: for each size, a campaign whose one phase fans
 * out to `districts × templates` duties, launched through the API against real services (a
 * fresh PostgreSQL database, a Temporal dev server, an SMTP catcher — the integration tests'
 * setup). Reports the launch's answer time, the time until every duty is recorded and every
 * assignment e-mail sent, and the largest history among the phase's workflows.
 *
 *   npm run bench                       (sizes 200, 1000, 2000)
 *   BENCH_SIZES=500,5000 npm run bench
 */
import { perDistrictTemplates, registerDistricts, seededDepartments, singlePhaseCampaign } from '../test/support/campaign-fixtures';
import { Baselines } from './support/baselines';
import { TestStack } from '../test/support/test-stack';
import { waitFor } from '../test/support/wait-for';
import { phaseBatchWorkflowId, phaseWorkflowId } from '@duban/workflows';

const sizes = (process.env.BENCH_SIZES ?? '200,1000,2000').split(',').map(Number);
const DISTRICTS = 50;

async function historyLength(stack: TestStack, workflowId: string): Promise<number> {
  const described = await stack.temporal.workflow.getHandle(workflowId).describe();
  return described.historyLength;
}

it('measures a phase launch as the phase grows', async () => {
  const stack = await TestStack.start();
  try {
    const office = await stack.userWithToken('office');
    await seededDepartments(stack, office.token);
    const districts = await registerDistricts(
      stack,
      office.token,
      Array.from({ length: DISTRICTS }, (_, i) => `基准区${i + 1}`),
    );
    const baselines = await Baselines.start({ address: stack.config.temporal.address, namespace: stack.config.temporal.namespace, workers: 1 });
    const b0 = await baselines.starts(Math.max(...sizes), 0).finally(() => baselines.stop());
    console.log(`B0: ${Math.max(...sizes)} client starts of a no-op workflow, ${b0.perSecond.toFixed(1)}/s`);
    const table = [
      `| duties | batches | launch answered | all duties recorded | all e-mails sent | duties/s | ÷ B0 (${Math.round(b0.perSecond)}/s) | largest history (events) |`,
      `|---|---|---|---|---|---|---|---|`,
    ];
    for (const size of sizes) {
      const templates = Math.ceil(size / DISTRICTS);
      const created = await stack.http('POST', '/campaigns', {
        token: office.token,
        body: singlePhaseCampaign({
          name: `基准 ${size}`,
          place: '基准市',
          legal: '基准',
          legalNumber: `基准${size}`,
          districtIds: districts.map((d) => d.id),
          templates: perDistrictTemplates(templates, '事项'),
        }),
      });
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
      const campaign = created.body;
      const phaseId: string = campaign.phases[0].id;
      const started = Date.now();
      const launched = await stack.http('POST', `/campaigns/${campaign.id}/phases/${phaseId}/launch`, { token: office.token, body: {} });
      if (launched.status !== 200) throw new Error(JSON.stringify(launched.body));
      const answered = Date.now() - started;
      const count: number = launched.body.dutyCount;
      const poll = { timeoutMs: 30 * 60_000, intervalMs: 500 };
      await waitFor('duties', async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM duties WHERE phase_id = $1`, [phaseId]))[0].n === count, poll);
      const recorded = Date.now() - started;
      await waitFor(
        'e-mails',
        async () =>
          (await stack.dataSource.query(`SELECT count(*)::int AS n FROM emails e JOIN duties d ON d.id = e.duty_id WHERE d.phase_id = $1 AND e.status = 'sent'`, [phaseId]))[0]
            .n === count,
        poll,
      );
      const mailed = Date.now() - started;
      const batches = Math.ceil(count / stack.config.phaseBatchSize);
      const largest = Math.max(
        await historyLength(stack, phaseWorkflowId(phaseId)),
        ...(await Promise.all(Array.from({ length: batches }, (_, b) => historyLength(stack, phaseBatchWorkflowId(phaseId, b))))),
      );
      const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      const perSecond = count / (mailed / 1000);
      table.push(`| ${count} | ${batches} | ${s(answered)} | ${s(recorded)} | ${s(mailed)} | ${Math.round(perSecond)} | ${(perSecond / b0.perSecond).toFixed(2)}× | ${largest} |`);
    }
    console.log(table.join('\n'));
  } finally {
    await stack.stop();
  }
});

/**
 * The worked example of docs/campaigns.md, against a running Duban (`npm start`, development seeds on):
 * creates the Hengyang-style campaign, launches mobilisation, lets two departments and one
 * district do their part, and prints what the office sees. API_URL picks another server.
 *
 *   npm run demo:campaign
 */
import { api, call, login, sleep } from './lib/demo-api';
import { hengyangCampaign } from './lib/hengyang-campaign';

interface Listed<T> {
  items: T[];
}
interface DutyRow {
  id: string;
  title: string;
  departmentName?: string;
  departmentId: string;
  dueAt: string;
}
interface CampaignView {
  id: string;
  name: string;
  phases: Array<{ id: string; name: string; status: string; dutyCount: number | null }>;
}

async function main(): Promise<void> {
  const office = await login('office');
  const units = await call<Array<{ id: string; code: string; name: string; kind: string; liaisonEmail: string; headEmail: string }>>('GET', '/departments', office);
  const byCode = (code: string) => {
    const found = units.find((u) => u.code === code);
    if (!found) throw new Error(`No unit ${code}: start Duban with the development seeds (npm start does)`);
    return found;
  };
  const districts = units.filter((u) => u.kind === 'district');
  // Next year's plan, so every window still lies ahead however the clock runs.
  const year = new Date().getFullYear() + 1;
  const campaign = await call<CampaignView>(
    'POST',
    '/campaigns',
    office,
    hengyangCampaign(
      byCode,
      districts.map((d) => d.id),
      year,
    ),
  );
  console.log(`Campaign ${campaign.name} (${campaign.id}): ${campaign.phases.length} phases, ${districts.length} districts`);

  const mobilisation = campaign.phases[0];
  const launchPath = `/campaigns/${campaign.id}/phases/${mobilisation.id}/launch`;
  // Its window opens next year: a plain launch is refused, naming the window (with real time;
  // compressed time counts the window from the launch), and the office launches it early, saying why.
  const plain = await fetch(`${api}${launchPath}`, { method: 'POST', headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' }, body: '{}' });
  const early = plain.status === 409 ? { early: true, reason: '提前部署，动员工作年内启动' } : null;
  if (early) console.log(`Launching "${mobilisation.name}" now: 409 ${((await plain.json()) as { code: string }).code}; launching it early`);
  const launched = early
    ? await call<{ dutyCount: number; windowEndsAt: string }>('POST', launchPath, office, early)
    : ((await plain.json()) as { dutyCount: number; windowEndsAt: string });
  console.log(`Launched "${mobilisation.name}": ${launched.dutyCount} duties, window ends ${launched.windowEndsAt}`);

  const tooEarly = await fetch(`${api}/campaigns/${campaign.id}/phases/${campaign.phases[1].id}/launch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
    body: '{}',
  });
  console.log(`Launching round 1 now: ${tooEarly.status} ${((await tooEarly.json()) as { code: string }).code}`);

  // The fan-out runs in the worker; give it a moment.
  let duties: DutyRow[] = [];
  for (let i = 0; i < 50 && duties.length < launched.dutyCount; i++) {
    duties = (
      await call<Listed<DutyRow>>('GET', `/overview/duties?phaseId=${mobilisation.id}&state=assigned,acknowledged,in_progress,submitted,returned,accepted&limit=200`, office)
    ).items;
    await sleep(200);
  }
  console.log('Duties of the mobilisation phase:');
  for (const duty of duties) console.log(`  ${duty.title.padEnd(20)} ${duty.departmentName ?? duty.departmentId}  due ${duty.dueAt}`);

  for (const code of ['SIA', 'TAX', districts[0].code]) {
    const officer = await login(`officer-${code.toLowerCase()}`);
    const inbox = await call<Listed<DutyRow>>('GET', `/inbox?phaseId=${mobilisation.id}`, officer);
    for (const duty of inbox.items) {
      await call<unknown>('POST', `/duties/${duty.id}/acknowledge`, officer, {});
      await call<unknown>('POST', `/duties/${duty.id}/start`, officer, {});
      await call<unknown>('POST', `/duties/${duty.id}/submit`, officer, { result: `${code}：方案已印发，责任人已明确` });
      await call<unknown>('POST', `/duties/${duty.id}/accept`, office, { note: '同意' });
      console.log(`  ${code} acknowledged, submitted; the office accepted "${duty.title}"`);
    }
  }
  const live = await call<CampaignView>('GET', `/campaigns/${campaign.id}/live`, office);
  console.log('Live state:', JSON.stringify(live.phases.map((p) => ({ name: p.name, status: p.status, duties: p.dutyCount }))));
  const byDepartment = await call<unknown>('GET', `/overview/departments?phaseId=${mobilisation.id}`, office);
  console.log('Per department:', JSON.stringify(byDepartment, null, 0).slice(0, 400), '…');
  console.log(`More: GET ${api}/campaigns/${campaign.id}, /events, /phases/${mobilisation.id}/live; e-mails at http://127.0.0.1:1080`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

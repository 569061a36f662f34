/**
 * The reports, dashboard and assessment example of docs/reports.md, against a running Duban (`npm start`,
 * development seeds on): the Hengyang-style campaign of this year with the default report plan,
 * its districts' and departments' liaisons filing the current ten-day report, the office
 * accepting them, then the progress dashboard and a draft acceptance assessment as the office
 * sees them. API_URL picks another server.
 *
 *   npm run demo:reports
 */
import { DUBAN_TIME_ZONE } from '@duban/domain';
import { call, login, sleep } from './lib/demo-api';
import { hengyangCampaign } from './lib/hengyang-campaign';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  liaisonEmail: string;
  headEmail: string;
}
interface Report {
  id: string;
  kind: string;
  roundKey: string;
  unitId: string;
  unitName: string;
  dutyId: string;
}

interface UnitProgress {
  name: string;
  rank: number | null;
  attainment: number | null;
  light: string | null;
}
interface ProgressView {
  asOf: string;
  timeShare: number;
  targets: Array<{ insuranceType: string; kind: string; measure?: string; value: number; actual: number | null; reachedShare: number; expectedByNow: number; light: string }>;
  districts: UnitProgress[];
  departments: UnitProgress[];
}
interface AssessmentView {
  id: string;
  asOf: string;
  rules: { weights: Record<string, number> };
  units: Array<{
    unitName: string;
    scorecard: { targetsScore: number | null; dutiesOnTimeRate: number; reportsOnTimeRate: number; returns: number; score: number };
    outcomes: { commendation: boolean; criticism: boolean; awardIneligible: boolean };
    subsidyAdjustmentYuan: number | null;
  }>;
}

/** How far each district has got with its share (a spread, so the ranking says something). */
const PACE = [1.02, 0.97, 0.93, 0.9, 0.88, 0.85, 0.83, 0.8, 0.76, 0.71, 0.64, 0.55];

async function main(): Promise<void> {
  const office = await login('office');
  const units = await call<Unit[]>('GET', '/departments', office);
  const byCode = (code: string) => {
    const found = units.find((u) => u.code === code);
    if (!found) throw new Error(`No unit ${code}: start Duban with the development seeds (npm start does)`);
    return found;
  };
  const districts = units.filter((u) => u.kind === 'district');
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: DUBAN_TIME_ZONE, year: 'numeric' }).format(new Date()));
  const plan = hengyangCampaign(
    byCode,
    districts.map((d) => d.id),
    year,
  );
  const campaign = await call<{ id: string; name: string }>('POST', '/campaigns', office, plan);
  console.log(`Campaign ${campaign.name} (${campaign.id}), ${year}-05-01 – ${year}-12-31, default report plan`);

  // The fund-gap subsidy: 2,000,000 yuan per district, ±1 % per point over or under, at most ±20 %.
  const rules = await call<{ rules: Record<string, unknown> }>('GET', `/campaigns/${campaign.id}/assessment-rules`, office);
  await call('PUT', `/campaigns/${campaign.id}/assessment-rules`, office, {
    rules: { ...rules.rules, subsidy: { rule: 'proportional', ratePercent: 100, capPercent: 20, baseYuan: districts.map((d) => ({ unitId: d.id, yuan: 2_000_000 })) } },
    reason: '按实施方案：扩面任务完成情况与基金缺口补助挂钩',
  });

  // The reporting workflow opens the rounds owed from today at once, one after the other; the
  // ten-day round under way is the last of them to open.
  let reports: Report[] = [];
  for (let i = 0; i < 200; i++) {
    reports = (await call<{ items: Report[] }>('GET', `/reports?campaignId=${campaign.id}&pageSize=500`, office)).items;
    if (districts.every((d) => reports.some((r) => r.kind === 'ten_day' && r.unitId === d.id))) break;
    await sleep(300);
  }
  const rounds = await call<{ items: Array<{ roundKey: string; dueDate: string; reportCount: number }> }>('GET', `/campaigns/${campaign.id}/report-rounds`, office);
  console.log('Rounds owed so far:', rounds.items.map((r) => `${r.roundKey} due ${r.dueDate} (${r.reportCount} reports)`).join('; '));

  const tenDay = (unitId: string) => {
    const found = reports.find((r) => r.kind === 'ten_day' && r.unitId === unitId);
    if (!found) throw new Error(`No ten-day report of ${unitId} yet: is the worker running?`);
    return found;
  };
  const share = Math.floor(76_000 / districts.length);
  for (const [i, district] of districts.entries()) {
    const report = tenDay(district.id);
    const officer = await login(`officer-${district.code.toLowerCase()}`);
    const newlyInsured = Math.round(share * PACE[i % PACE.length]);
    await call('POST', `/reports/${report.id}/filings`, officer, {
      census: { unitsSurveyed: 900 + 37 * i, uninsuredUnitsFound: 120 + 5 * i, uninsuredPersonsFound: 2400 + 60 * i, unitsNewlyInsured: 95 + 4 * i },
      insurance: { pension: { newlyInsured, contributionRate: 76 + (i % 7) } },
      problems: '个别小微企业负责人参保意愿不强',
      proposals: '请税务、市场监管部门按月共享新登记单位名单',
    });
    await call('POST', `/duties/${report.dutyId}/accept`, office, {});
  }
  for (const [code, funds] of [
    ['TAX', 371_500_000],
    ['SIA', 27_800_000],
  ] as const) {
    const report = tenDay(byCode(code).id);
    const officer = await login(`officer-${code.toLowerCase()}`);
    await call('POST', `/reports/${report.id}/filings`, officer, {
      census: { unitsSurveyed: 0, uninsuredUnitsFound: 0, uninsuredPersonsFound: 0, unitsNewlyInsured: 0 },
      insurance: { medical: { fundsCollectedYuan: funds } },
    });
    await call('POST', `/duties/${report.dutyId}/accept`, office, {});
  }
  console.log(`Filed and accepted: the ten-day report of ${districts.length} districts, TAX and SIA`);

  const progress = await call<ProgressView>('GET', `/campaigns/${campaign.id}/progress`, office);
  console.log(`\nProgress as of ${progress.asOf}: ${percent(progress.timeShare)} of the campaign's time used`);
  for (const t of progress.targets) {
    const what = `${t.insuranceType} ${t.kind}${t.measure ? ` (${t.measure})` : ''}`;
    console.log(
      `  ${what.padEnd(34)} target ${String(t.value).padStart(11)}  actual ${String(t.actual ?? '—').padStart(11)}  reached ${percent(t.reachedShare).padStart(6)}  expected by now ${String(t.expectedByNow).padStart(11)}  ${t.light}`,
    );
  }
  console.log('  Districts, ranked:');
  for (const d of [...progress.districts].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))) {
    console.log(`    ${String(d.rank ?? '—').padStart(2)}. ${d.name.padEnd(6)} attainment ${d.attainment === null ? '—' : percent(d.attainment)}  ${d.light ?? ''}`);
  }
  for (const d of progress.departments.filter((u) => u.attainment !== null)) {
    console.log(`  Department ${d.name}: attainment ${percent(d.attainment!)} ${d.light}`);
  }

  const assessment = await call<AssessmentView>('POST', `/campaigns/${campaign.id}/assessments`, office, {});
  console.log(`\nDraft assessment ${assessment.id} as of ${assessment.asOf} (weights ${JSON.stringify(assessment.rules.weights)}):`);
  for (const u of assessment.units) {
    const s = u.scorecard;
    const outcomes = [u.outcomes.commendation && '表扬', u.outcomes.criticism && '通报批评', u.outcomes.awardIneligible && '取消评先资格'].filter(Boolean).join('、') || '—';
    const subsidy = u.subsidyAdjustmentYuan === null ? '' : `  subsidy ${u.subsidyAdjustmentYuan >= 0 ? '+' : ''}${u.subsidyAdjustmentYuan}`;
    console.log(
      `  ${u.unitName.padEnd(12)} targets ${s.targetsScore ?? '—'}  duties on time ${s.dutiesOnTimeRate}%  reports on time ${s.reportsOnTimeRate}%  returns ${s.returns}  score ${s.score}  ${outcomes}${subsidy}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

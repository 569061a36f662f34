import { circularSerialNumber, circularText, groupDigits, parseQuarter, type CircularData } from './circular';

const quarterly: CircularData = {
  kind: 'quarterly',
  periodKey: '2026-Q3',
  campaignName: '衡阳市社会保险扩面专项行动',
  period: { start: '2026-07-01', end: '2026-09-30' },
  asOf: '2026-09-30',
  draftedOn: '2026-10-08',
  timeShare: 0.75,
  targets: [
    { insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', value: 76000, actual: 45600, reachedShare: 0.6, expectedByNow: 57000, light: 'red' },
    { insuranceType: 'pension', kind: 'contribution_rate', value: 80, actual: 82, reachedShare: 1.025, expectedByNow: 80, light: 'green' },
  ],
  districts: [
    { unitId: 'a', name: '珠晖区', attainment: 0.9, rank: 1, light: 'green' },
    { unitId: 'b', name: '雁峰区', attainment: 0.45, rank: 2, light: 'red' },
  ],
  departments: [{ unitId: 't', name: '税务局', attainment: null, rank: null, light: null }],
  lateReports: [{ unitId: 'b', name: '雁峰区', late: 2 }],
};

describe('circulars', () => {
  it('reads quarters', () => {
    expect(parseQuarter('2026-Q1')).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(parseQuarter('2028-Q1')!.end).toBe('2028-03-31');
    expect(parseQuarter('2026-Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(parseQuarter('2026Q1')).toBeNull();
  });

  it('groups digits', () => {
    expect(groupDigits(76000)).toBe('76,000');
    expect(groupDigits(1234567.5)).toBe('1,234,567.5');
    expect(groupDigits(-100000)).toBe('-100,000');
    expect(groupDigits(12)).toBe('12');
  });

  it('drafts the quarterly circular from the data', () => {
    const { title, body } = circularText(quarterly);
    expect(title).toBe('关于衡阳市社会保险扩面专项行动2026年第三季度工作进展情况的通报');
    expect(body).toContain('现将衡阳市社会保险扩面专项行动2026年第三季度（2026年7月1日至2026年9月30日）工作进展情况通报如下：');
    expect(body).toContain('截至2026年9月30日，时间进度75.0%。');
    expect(body).toContain('（一）养老保险新增参保人数：目标76,000人，完成45,600人，完成率60.0%，按时序进度应完成57,000人，红灯。');
    expect(body).toContain('（二）养老保险缴费率：目标80%，完成82%，完成率102.5%，绿灯。');
    expect(body).toContain('二、县市区目标完成情况排名\n第1名\u3000珠晖区\u3000目标完成率90.0%（绿灯）\n第2名\u3000雁峰区\u3000目标完成率45.0%（红灯）');
    expect(body).toContain('未分解目标、不参与排名：税务局。');
    expect(body).toContain('本期以下单位未按时报送工作报告：雁峰区2次。');
    expect(body).toMatch(/领导小组办公室\n2026年10月8日$/);
    expect(body).not.toContain('表扬');
  });

  it('adds the outcomes to the final circular', () => {
    const { title, body } = circularText({
      ...quarterly,
      kind: 'final',
      periodKey: 'final',
      period: { start: '2026-01-01', end: '2026-12-31' },
      lateReports: [],
      assessment: {
        asOf: '2026-12-31',
        units: [
          {
            unitId: 'a',
            name: '珠晖区',
            unitKind: 'district',
            score: 95,
            outcomes: { commendation: true, criticism: false, awardIneligible: false, subsidyAdjustmentYuan: 12000.5 },
          },
          {
            unitId: 'b',
            name: '雁峰区',
            unitKind: 'district',
            score: 55.5,
            outcomes: { commendation: false, criticism: true, awardIneligible: true, subsidyAdjustmentYuan: -100000 },
          },
          {
            unitId: 't',
            name: '税务局',
            unitKind: 'department',
            score: 68,
            outcomes: { commendation: false, criticism: false, awardIneligible: true, subsidyAdjustmentYuan: null },
          },
        ],
      },
    });
    expect(title).toBe('关于衡阳市社会保险扩面专项行动考核结果的通报');
    expect(body).toContain('本期各单位均按时报送工作报告。');
    expect(body).toContain('五、考核得分\n珠晖区\u300095.0分\n税务局\u300068.0分\n雁峰区\u300055.5分');
    expect(body).toContain('六、表扬\n珠晖区。');
    expect(body).toContain('七、通报批评\n雁峰区。');
    expect(body).toContain('八、取消评先评优资格\n雁峰区、税务局。');
    expect(body).toContain('珠晖区：超额完成目标，增加补助资金12,000.50元。');
    expect(body).toContain('雁峰区：未完成目标，扣减补助资金100,000.00元。');
  });

  it('numbers circulars', () => {
    expect(circularSerialNumber('衡阳市', 2026, 3)).toBe('衡扩面办通〔2026〕3号');
  });
});

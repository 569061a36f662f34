/**
 * A campaign modelled on the Hengyang programme (seed 000): +76,000 persons in pension
 * insurance split over the districts, coverage to 80%, a medical-fund target with a stretch
 * figure split between tax and the insurance agency; mobilisation, three rounds of special
 * operations with their focus sectors, acceptance. Used by the integration test and by
 * `npm run demo:campaign`, so what docs/campaigns.md shows is what the tests check.
 */
export interface CampaignUnit {
  id: string;
  liaisonEmail: string;
  headEmail: string;
}

export function hengyangCampaign(unit: (code: string) => CampaignUnit, districtIds: string[], year: number) {
  const share = Math.floor(76_000 / districtIds.length);
  return {
    name: '衡阳市社会保险扩面专项行动',
    jurisdiction: { name: '衡阳市', level: 'city' as const, districtIds },
    period: { start: `${year}-05-01`, end: `${year}-12-31` },
    legalBasis: { title: '衡阳市社会保险扩面专项行动实施方案', number: `衡政办发〔${year}〕8号` },
    targets: [
      {
        insuranceType: 'pension',
        kind: 'persons',
        measure: 'newly_insured',
        value: 76_000,
        // Even shares; the last district takes what the division leaves over, so they add up.
        districtShares: districtIds.map((unitId, i) => ({ unitId, value: i === districtIds.length - 1 ? 76_000 - share * i : share })),
      },
      { insuranceType: 'pension', kind: 'contribution_rate', value: 80 },
      {
        insuranceType: 'medical',
        kind: 'funds',
        value: 430_000_000,
        stretch: 450_000_000,
        departmentShares: [
          { unitId: unit('TAX').id, value: 400_000_000, stretch: 420_000_000 },
          { unitId: unit('SIA').id, value: 30_000_000, stretch: 30_000_000 },
        ],
      },
    ],
    leadingGroup: {
      chair: { name: '王某', title: '副市长' },
      viceChairs: [
        { name: '李某', title: '人社局局长' },
        { name: '赵某', title: '财政局局长' },
      ],
      members: ['HRSS', 'SIA', 'TAX', 'MEDIA', 'CIVIL', 'CULT', 'PSB', 'HEALTH', 'TRANS', 'SAMR', 'CONS'].map((code) => ({
        departmentId: unit(code).id,
        liaison: { name: `${code}联络员`, phone: '0734-8000000', email: unit(code).liaisonEmail },
        head: { name: `${code}负责人`, email: unit(code).headEmail },
      })),
    },
    phases: [
      {
        kind: 'mobilisation',
        name: '动员部署',
        window: { start: `${year}-05-01`, end: `${year}-05-31` },
        templates: [
          {
            title: '制定扩面工作方案并明确责任人',
            description: '召开动员会，报送本单位工作方案和责任人',
            route: { kind: 'function', key: 'registration' },
            scope: 'once',
            due: { workingDaysAfterLaunch: 5 },
          },
          {
            title: '制定征收工作方案并明确责任人',
            description: '',
            route: { kind: 'function', key: 'contribution_collection' },
            scope: 'once',
            due: { workingDaysAfterLaunch: 5 },
          },
          { title: '开展扩面宣传', description: '', route: { kind: 'function', key: 'publicity' }, scope: 'once', due: { workingDaysAfterLaunch: 5 } },
          { title: '签订目标责任状', description: '县区政府与市政府签订责任状', route: { kind: 'district' }, scope: 'per_district', due: { workingDaysAfterLaunch: 5 } },
        ],
      },
      {
        kind: 'special_operation',
        name: '第一轮：机关事业单位编外人员、社会组织和民办非企业单位',
        window: { start: `${year}-06-01`, end: `${year}-07-30` },
        focusSectors: ['social_organisations', 'private_non_enterprise'],
        templates: [{ title: '开展专项扩面行动', description: '摸底、督促参保、报送台账', route: { kind: 'focus_sectors' }, scope: 'once', due: { workingDaysAfterLaunch: 20 } }],
      },
      {
        kind: 'special_operation',
        name: '第二轮：娱乐、医疗卫生场所和网吧',
        window: { start: `${year}-08-01`, end: `${year}-09-15` },
        focusSectors: ['entertainment', 'internet_bars', 'hospitals_clinics', 'bathhouses'],
        templates: [{ title: '开展专项扩面行动', description: '摸底、督促参保、报送台账', route: { kind: 'focus_sectors' }, scope: 'once', due: { workingDaysAfterLaunch: 1 } }],
      },
      {
        kind: 'special_operation',
        name: '第三轮：物流、超市、建材和租赁运输',
        window: { start: `${year}-09-15`, end: `${year}-11-30` },
        focusSectors: ['logistics', 'supermarkets', 'building_materials', 'rental_transport'],
        templates: [{ title: '开展专项扩面行动', description: '', route: { kind: 'focus_sectors' }, scope: 'once', due: { workingDaysAfterLaunch: 20 } }],
      },
      {
        kind: 'acceptance',
        name: '总结验收',
        window: { start: `${year}-12-01`, end: `${year}-12-31` },
        templates: [{ title: '报送自查报告', description: '', route: { kind: 'district' }, scope: 'per_district', due: { workingDaysAfterLaunch: 10 } }],
      },
    ],
  };
}

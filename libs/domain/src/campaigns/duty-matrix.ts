import { DomainError, DomainErrorCode } from '../errors';

/** Duties are routed by the sector a unit works in, or by the function a department performs. */
export const DUTY_ROUTE_KINDS = ['sector', 'function'] as const;
export type DutyRouteKind = (typeof DUTY_ROUTE_KINDS)[number];

/** Route keys are stable slugs (they appear in duty templates), labels are for people. */
export const DUTY_ROUTE_KEY = /^[a-z][a-z0-9_]{1,63}$/;

export interface DutyRoute {
  kind: DutyRouteKind;
  key: string;
  label: string;
  departmentCode: string;
}

const sector = (key: string, label: string, departmentCode: string): DutyRoute => ({ kind: 'sector', key, label, departmentCode });
const fn = (key: string, label: string, departmentCode: string): DutyRoute => ({ kind: 'function', key, label, departmentCode });

/**
 * The duty matrix of docs/domain.md ("The duty matrix"), one responsible department per
 * sector or function, with the department codes of the development seed. The office edits it.
 */
export const DOMAIN_DUTY_MATRIX: readonly DutyRoute[] = [
  fn('coordination', '统筹协调', 'HRSS'),
  fn('census_method', '普查方法', 'HRSS'),
  fn('contribution_policy', '缴费政策', 'HRSS'),
  fn('labour_inspection', '劳动保障监察', 'HRSS'),
  fn('registration', '单位和个人参保登记', 'SIA'),
  fn('census_data', '普查数据汇总', 'SIA'),
  fn('campaign_budget', '专项经费保障', 'FIN'),
  fn('contribution_collection', '社保费征收', 'TAX'),
  fn('arrears_clearance', '清理欠费', 'TAX'),
  fn('tax_registered_uninsured', '已办税务登记未参保单位摸底', 'TAX'),
  fn('new_unit_lists', '新登记市场主体名单报送', 'SAMR'),
  fn('bidding_ban', '限制参加政府投资项目投标', 'CONS'),
  fn('household_data', '户籍数据', 'PSB'),
  fn('publicity', '宣传报道', 'MEDIA'),
  fn('exposure', '曝光拒不参保和欠费单位', 'MEDIA'),
  fn('award_veto', '评先评优一票否决', 'UNION'),
  fn('performance_assessment', '纳入政府绩效考核', 'ASSESS'),
  sector('property_development', '房地产开发', 'CONS'),
  sector('construction', '建筑施工', 'CONS'),
  sector('building_materials', '建材', 'CONS'),
  sector('road_transport', '道路运输', 'TRANS'),
  sector('rental_transport', '出租车和租赁运输', 'TRANS'),
  sector('logistics', '物流', 'TRANS'),
  sector('school_enterprises', '校办企业', 'EDU'),
  sector('internet_bars', '网吧', 'CULT'),
  sector('audio_video', '音像制品经营', 'CULT'),
  sector('bookshops', '书店', 'CULT'),
  sector('street_and_community', '街道和社区', 'CIVIL'),
  sector('private_non_enterprise', '民办非企业单位', 'CIVIL'),
  sector('social_organisations', '社会组织', 'CIVIL'),
  sector('hospitals_clinics', '医院、诊所', 'HEALTH'),
  sector('pharmacies', '药店', 'HEALTH'),
  sector('restaurants', '餐饮', 'HEALTH'),
  sector('entertainment', '娱乐场所', 'PSB'),
  sector('bathhouses', '洗浴场所', 'PSB'),
  sector('supermarkets', '超市', 'SAMR'),
];

/** The department that answers for a sector or a function, or NO_DUTY_ROUTE naming what is missing. */
export function resolveDutyRoute(routes: readonly DutyRoute[], kind: DutyRouteKind, key: string): DutyRoute {
  const route = routes.find((r) => r.kind === kind && r.key === key);
  if (!route) {
    throw new DomainError(DomainErrorCode.NoDutyRoute, `The duty matrix names no department for ${kind} "${key}"`, { kind, key });
  }
  return route;
}

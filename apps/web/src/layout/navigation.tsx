// The menu each role sees. A page's route and its menu entry are declared together in App.tsx's
// routes; this list only orders what each role is offered.
import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  HistoryOutlined,
  TeamOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  InboxOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { Role } from '../api/types';
import type { MessageKey } from '../i18n/locales/zh-CN';

export interface NavEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  roles: Role[];
}

export const NAVIGATION: NavEntry[] = [
  { path: '/inbox', label: 'nav.inbox', icon: <InboxOutlined />, roles: ['department_officer'] },
  { path: '/campaigns', label: 'nav.campaigns', icon: <FlagOutlined />, roles: ['office', 'viewer'] },
  { path: '/duty-board', label: 'nav.dutyBoard', icon: <TableOutlined />, roles: ['office', 'viewer'] },
  { path: '/overdue', label: 'nav.overdue', icon: <AlertOutlined />, roles: ['office', 'viewer'] },
  { path: '/reports', label: 'nav.reports', icon: <FileTextOutlined />, roles: ['office', 'department_officer', 'viewer'] },
  { path: '/unit-imports', label: 'nav.unitImports', icon: <CloudUploadOutlined />, roles: ['office', 'department_officer'] },
  { path: '/compliance-cases', label: 'nav.complianceCases', icon: <FileSearchOutlined />, roles: ['office', 'department_officer', 'viewer'] },
  { path: '/exposures', label: 'nav.exposures', icon: <SafetyCertificateOutlined />, roles: ['office', 'viewer'] },
  { path: '/inspection-cases', label: 'nav.inspectionCases', icon: <AuditOutlined />, roles: ['inspector', 'office', 'viewer'] },
  { path: '/units', label: 'nav.unitHistory', icon: <ProfileOutlined />, roles: ['inspector', 'office', 'viewer'] },
  { path: '/progress', label: 'nav.progress', icon: <BarChartOutlined />, roles: ['office', 'viewer', 'department_officer'] },
  { path: '/assessments', label: 'nav.assessments', icon: <AuditOutlined />, roles: ['office', 'viewer', 'department_officer'] },
  { path: '/circulars', label: 'nav.circulars', icon: <NotificationOutlined />, roles: ['office', 'viewer', 'department_officer'] },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, roles: ['admin'] },
  { path: '/departments', label: 'nav.departments', icon: <ApartmentOutlined />, roles: ['admin'] },
  { path: '/audit-log', label: 'nav.auditLog', icon: <HistoryOutlined />, roles: ['admin'] },
  { path: '/calendar', label: 'nav.calendar', icon: <CalendarOutlined />, roles: ['office'] },
];

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role));
}

// Written by scripts/generate-openapi-schemas.ts: every feature's response schemas and route answers.
import { assessmentsAnswers, assessmentsSchemas } from '../assessments/assessments.schemas';
import { auditLogAnswers, auditLogSchemas } from '../audit-log/audit-log.schemas';
import { authAnswers, authSchemas } from '../auth/auth.schemas';
import { calendarAnswers, calendarSchemas } from '../calendar/calendar.schemas';
import { campaignsAnswers, campaignsSchemas } from '../campaigns/campaigns.schemas';
import { circularsAnswers, circularsSchemas } from '../circulars/circulars.schemas';
import { sharedAnswers, sharedSchemas } from './shared.schemas';
import { complianceAnswers, complianceSchemas } from '../compliance/compliance.schemas';
import { departmentsAnswers, departmentsSchemas } from '../departments/departments.schemas';
import { dutiesAnswers, dutiesSchemas } from '../duties/duties.schemas';
import { healthAnswers, healthSchemas } from '../health/health.schemas';
import { inspectionsAnswers, inspectionsSchemas } from '../inspections/inspections.schemas';
import { progressAnswers, progressSchemas } from '../progress/progress.schemas';
import { reportsAnswers, reportsSchemas } from '../reports/reports.schemas';
import { savedFiltersAnswers, savedFiltersSchemas } from '../saved-filters/saved-filters.schemas';
import { unitImportsAnswers, unitImportsSchemas } from '../unit-imports/unit-imports.schemas';
import { unitsAnswers, unitsSchemas } from '../units/units.schemas';
import { usersAnswers, usersSchemas } from '../users/users.schemas';
import type { OpenApiAnswers, OpenApiSchemas } from './openapi-types';

export const responseSchemas: OpenApiSchemas = { ...assessmentsSchemas, ...auditLogSchemas, ...authSchemas, ...calendarSchemas, ...campaignsSchemas, ...circularsSchemas, ...sharedSchemas, ...complianceSchemas, ...departmentsSchemas, ...dutiesSchemas, ...healthSchemas, ...inspectionsSchemas, ...progressSchemas, ...reportsSchemas, ...savedFiltersSchemas, ...unitImportsSchemas, ...unitsSchemas, ...usersSchemas };

export const routeAnswers: OpenApiAnswers = { ...assessmentsAnswers, ...auditLogAnswers, ...authAnswers, ...calendarAnswers, ...campaignsAnswers, ...circularsAnswers, ...sharedAnswers, ...complianceAnswers, ...departmentsAnswers, ...dutiesAnswers, ...healthAnswers, ...inspectionsAnswers, ...progressAnswers, ...reportsAnswers, ...savedFiltersAnswers, ...unitImportsAnswers, ...unitsAnswers, ...usersAnswers };

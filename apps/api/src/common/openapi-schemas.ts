// Written by scripts/generate-openapi-schemas.ts: every feature's response schemas and route answers.
import { assessmentsAnswers, assessmentsSchemas } from '../assessments/assessments.schemas';
import { auditLogAnswers, auditLogSchemas } from '../audit-log/audit-log.schemas';
import { authAnswers, authSchemas } from '../auth/auth.schemas';
import { calendarAnswers, calendarSchemas } from '../calendar/calendar.schemas';
import { campaignsAnswers, campaignsSchemas } from '../campaigns/campaigns.schemas';
import { sharedAnswers, sharedSchemas } from './shared.schemas';
import { complianceAnswers, complianceSchemas } from '../compliance/compliance.schemas';
import { departmentsAnswers, departmentsSchemas } from '../departments/departments.schemas';
import { dutiesAnswers, dutiesSchemas } from '../duties/duties.schemas';
import { dutyMatrixAnswers, dutyMatrixSchemas } from '../duty-matrix/duty-matrix.schemas';
import { dutyViewsAnswers, dutyViewsSchemas } from '../duty-views/duty-views.schemas';
import { healthAnswers, healthSchemas } from '../health/health.schemas';
import { inspectionCasesAnswers, inspectionCasesSchemas } from '../inspection-cases/inspection-cases.schemas';
import { progressAnswers, progressSchemas } from '../progress/progress.schemas';
import { reportsAnswers, reportsSchemas } from '../reports/reports.schemas';
import { savedFiltersAnswers, savedFiltersSchemas } from '../saved-filters/saved-filters.schemas';
import { unitImportsAnswers, unitImportsSchemas } from '../unit-imports/unit-imports.schemas';
import { unitsAnswers, unitsSchemas } from '../units/units.schemas';
import { usersAnswers, usersSchemas } from '../users/users.schemas';
import type { OpenApiAnswers, OpenApiSchemas } from './openapi-types';

export const responseSchemas: OpenApiSchemas = { ...assessmentsSchemas, ...auditLogSchemas, ...authSchemas, ...calendarSchemas, ...campaignsSchemas, ...sharedSchemas, ...complianceSchemas, ...departmentsSchemas, ...dutiesSchemas, ...dutyMatrixSchemas, ...dutyViewsSchemas, ...healthSchemas, ...inspectionCasesSchemas, ...progressSchemas, ...reportsSchemas, ...savedFiltersSchemas, ...unitImportsSchemas, ...unitsSchemas, ...usersSchemas };

export const routeAnswers: OpenApiAnswers = { ...assessmentsAnswers, ...auditLogAnswers, ...authAnswers, ...calendarAnswers, ...campaignsAnswers, ...sharedAnswers, ...complianceAnswers, ...departmentsAnswers, ...dutiesAnswers, ...dutyMatrixAnswers, ...dutyViewsAnswers, ...healthAnswers, ...inspectionCasesAnswers, ...progressAnswers, ...reportsAnswers, ...savedFiltersAnswers, ...unitImportsAnswers, ...unitsAnswers, ...usersAnswers };

// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const dutyMatrixSchemas: OpenApiSchemas = {};

export const dutyMatrixAnswers: OpenApiAnswers = {
  "DutyMatrixController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/DutyMatrixRouteRow"}}},
  "DutyMatrixController_changes": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/DutyMatrixChangeRow"}}},
  "DutyMatrixController_setRoute": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyMatrixRouteRow"}}
};

// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const dutyMatrixSchemas: OpenApiSchemas = {
  "DutyRoute": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["function","sector"]},
      "key": {"type":"string"},
      "label": {"type":"string"},
      "departmentId": {"type":"string"},
      "departmentCode": {"type":"string"},
      "departmentName": {"type":"string"},
      "updatedBy": {"type":"string","nullable":true},
      "updatedAt": {"type":"string","format":"date-time"}
    },
    "required": ["kind","key","label","departmentId","departmentCode","departmentName","updatedBy","updatedAt"]
  },
  "DutyRouteChange": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["function","sector"]},
      "key": {"type":"string"},
      "label": {"type":"string"},
      "fromDepartmentId": {"type":"string","nullable":true},
      "toDepartmentId": {"type":"string"},
      "reason": {"type":"string","nullable":true},
      "changedBy": {"type":"string","nullable":true},
      "changedAt": {"type":"string","format":"date-time"}
    },
    "required": ["kind","key","label","fromDepartmentId","toDepartmentId","reason","changedBy","changedAt"],
    "description": "One change of a route, as logged."
  }
};

export const dutyMatrixAnswers: OpenApiAnswers = {
  "DutyMatrixController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/DutyRoute"}}},
  "DutyMatrixController_changes": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/DutyRouteChange"}}},
  "DutyMatrixController_setRoute": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyRoute"}}
};

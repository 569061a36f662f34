// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const departmentsSchemas: OpenApiSchemas = {
  "Department": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "code": {"type":"string"},
      "name": {"type":"string"},
      "kind": {"type":"string","enum":["department","district","inspection_team"]},
      "liaisonEmail": {"type":"string"},
      "headEmail": {"type":"string"},
      "active": {"type":"boolean","description":"A deactivated unit gets no new duties; the duties it holds run on."},
      "liaisonName": {"type":"string","nullable":true},
      "liaisonPhone": {"type":"string","nullable":true},
      "headName": {"type":"string","nullable":true},
      "headPhone": {"type":"string","nullable":true},
      "updatedAt": {"type":"string","format":"date-time"},
      "updatedBy": {"type":"string","nullable":true},
      "deactivatedAt": {"type":"string","format":"date-time","nullable":true},
      "createdBy": {"type":"string","nullable":true},
      "createdAt": {"type":"string","format":"date-time"},
      "districtIds": {
        "type": "array",
        "items": {"type":"string"},
        "description": "Inspection teams, on GET /departments/:id and changes: the districts it answers for (none: city-wide)."
      }
    },
    "required": [
      "id",
      "code",
      "name",
      "kind",
      "liaisonEmail",
      "headEmail",
      "active",
      "liaisonName",
      "liaisonPhone",
      "headName",
      "headPhone",
      "updatedAt",
      "updatedBy",
      "deactivatedAt",
      "createdBy",
      "createdAt"
    ],
    "description": "GET /departments (an array), GET /departments/:id, and what registering or changing one answers."
  },
  "DepartmentImportAnswer": {
    "type": "object",
    "properties": {
      "dryRun": {"type":"boolean"},
      "created": {"type":"number"},
      "updated": {"type":"number"},
      "unchanged": {"type":"number"},
      "refused": {"type":"number"},
      "rows": {"type":"array","items":{"$ref":"#/components/schemas/DepartmentImportRow"}}
    },
    "required": ["dryRun","created","updated","unchanged","refused","rows"],
    "description": "POST /departments/import."
  },
  "DepartmentImportRow": {
    "type": "object",
    "properties": {
      "row": {"type":"number","description":"The row's number in the file (the header is row 1)."},
      "code": {"type":"string"},
      "status": {"type":"string","enum":["created","updated","unchanged","refused"]},
      "departmentId": {"type":"string","description":"Absent for a refused row, and for a row a dry run would create."},
      "errors": {
        "type": "object",
        "additionalProperties": {"type":"array","items":{"type":"string"}},
        "description": "Column (as the file names it) → what is wrong with it."
      }
    },
    "required": ["row","code","status"]
  }
};

export const departmentsAnswers: OpenApiAnswers = {
  "DepartmentsController_register": {"statuses":[201],"schema":{"$ref":"#/components/schemas/Department"}},
  "DepartmentsController_list": {
    "statuses": [200],
    "schema": {"type":"array","items":{"$ref":"#/components/schemas/Department"}},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "DepartmentsController_import": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DepartmentImportAnswer"}},
  "DepartmentsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/Department"}},
  "DepartmentsController_update": {"statuses":[200],"schema":{"$ref":"#/components/schemas/Department"}},
  "DepartmentsController_deactivate": {"statuses":[200],"schema":{"$ref":"#/components/schemas/Department"}},
  "DepartmentsController_reactivate": {"statuses":[200],"schema":{"$ref":"#/components/schemas/Department"}}
};

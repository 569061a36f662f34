// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const departmentsSchemas: OpenApiSchemas = {
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
    "required": ["dryRun","created","updated","unchanged","refused","rows"]
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
  },
  "DepartmentView": {
    "type": "object",
    "properties": {
      "districtIds": {
        "type": "array",
        "items": {"type":"string"},
        "description": "Inspection teams: the districts it answers for (none: city-wide)."
      },
      "id": {"type":"string"},
      "code": {"type":"string"},
      "name": {"type":"string"},
      "kind": {"type":"string","enum":["department","district","inspection_team"]},
      "liaisonEmail": {"type":"string"},
      "headEmail": {"type":"string"},
      "active": {"type":"boolean","description":"A deactivated department gets no new duties; its history stays."},
      "liaisonName": {"type":"string","nullable":true},
      "liaisonPhone": {"type":"string","nullable":true},
      "headName": {"type":"string","nullable":true},
      "headPhone": {"type":"string","nullable":true},
      "updatedAt": {"type":"string","format":"date-time"},
      "updatedBy": {"type":"string","nullable":true},
      "deactivatedAt": {"type":"string","format":"date-time","nullable":true},
      "createdBy": {"type":"string","nullable":true},
      "createdAt": {"type":"string","format":"date-time"}
    },
    "required": ["id","code","name","kind","liaisonEmail","headEmail","createdBy","createdAt"],
    "description": "A department, district or inspection team as the API shows it; a team also names the districts it answers for."
  }
};

export const departmentsAnswers: OpenApiAnswers = {
  "DepartmentsController_register": {"statuses":[201],"schema":{"$ref":"#/components/schemas/DepartmentView"}},
  "DepartmentsController_list": {
    "statuses": [200],
    "schema": {"type":"array","items":{"$ref":"#/components/schemas/DepartmentEntity"}},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "DepartmentsController_import": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DepartmentImportAnswer"}},
  "DepartmentsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DepartmentView"}},
  "DepartmentsController_update": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DepartmentView"}},
  "DepartmentsController_deactivate": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DepartmentView"}},
  "DepartmentsController_reactivate": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DepartmentView"}}
};

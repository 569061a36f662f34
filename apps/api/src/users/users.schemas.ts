// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const usersSchemas: OpenApiSchemas = {
  "CreatedUser": {
    "type": "object",
    "properties": {
      "user": {"$ref":"#/components/schemas/UserAdminView"},
      "oneTimePassword": {
        "type": "string",
        "description": "delivery one_time_password (the default): shown this once; the user signs in with it and must then choose a password."
      },
      "emailedTo": {
        "type": "string",
        "description": "delivery email_link: where the one-time link to set a password went, and until when it works."
      },
      "expiresAt": {"type":"string","format":"date-time"}
    },
    "required": ["user"]
  },
  "UserAdminView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "username": {"type":"string"},
      "displayName": {"type":"string"},
      "role": {"type":"string","enum":["admin","office","department_officer","inspector","viewer"]},
      "departmentId": {"type":"string","nullable":true},
      "department": {
        "type": "object",
        "properties": {"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"},"kind":{"type":"string"}},
        "required": ["id","code","name","kind"],
        "nullable": true
      },
      "email": {"type":"string","nullable":true},
      "phone": {"type":"string","nullable":true},
      "active": {"type":"boolean"},
      "mustChangePassword": {
        "type": "boolean",
        "description": "Signed in with a one-time password that is still to be changed (or never signed in since)."
      },
      "hasLocalPassword": {"type":"boolean","description":"False: signs in through single sign-on only."},
      "externalSubject": {"type":"string","nullable":true},
      "locked": {
        "type": "boolean",
        "description": "Locked after repeated failed sign-ins (POST /users/:id/unlock lifts it)."
      },
      "createdAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"},
      "deactivatedAt": {"type":"string","format":"date-time","nullable":true}
    },
    "required": [
      "id",
      "username",
      "displayName",
      "role",
      "departmentId",
      "department",
      "email",
      "phone",
      "active",
      "mustChangePassword",
      "hasLocalPassword",
      "externalSubject",
      "locked",
      "createdAt",
      "updatedAt",
      "deactivatedAt"
    ],
    "description": "A user as the administrator sees them."
  },
  "UserImportAnswer": {
    "type": "object",
    "properties": {
      "dryRun": {"type":"boolean"},
      "created": {"type":"number"},
      "existing": {"type":"number"},
      "refused": {"type":"number"},
      "rows": {"type":"array","items":{"$ref":"#/components/schemas/UserImportRowResult"}}
    },
    "required": ["dryRun","created","existing","refused","rows"]
  },
  "UserImportRowResult": {
    "type": "object",
    "properties": {
      "row": {"type":"number","description":"The row's number in the file (the header is row 1)."},
      "username": {"type":"string"},
      "status": {
        "type": "string",
        "enum": ["created","refused","existing"],
        "description": "created; existing: the username is taken (a replay of the same file changes nothing); refused: see errors."
      },
      "userId": {"type":"string"},
      "oneTimePassword": {"type":"string","description":"created with delivery one_time_password: shown this once."},
      "emailedTo": {"type":"string","description":"created with delivery email_link: where the link went."},
      "errors": {"type":"object","additionalProperties":{"type":"array","items":{"type":"string"}}}
    },
    "required": ["row","username","status"]
  },
  "UserList": {
    "type": "object",
    "properties": {
      "items": {"type":"array","items":{"$ref":"#/components/schemas/UserAdminView"}},
      "total": {"type":"number"},
      "limit": {"type":"number"},
      "offset": {"type":"number"}
    },
    "required": ["items","total","limit","offset"]
  },
  "UserUnlockAnswer": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "username": {"type":"string"},
      "failuresForgotten": {
        "type": "number",
        "description": "The failed sign-ins that were counted against the user and are now forgotten."
      }
    },
    "required": ["id","username","failuresForgotten"],
    "description": "POST /users/:id/unlock."
  }
};

export const usersAnswers: OpenApiAnswers = {
  "UsersController_list": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/UserList"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "UsersController_create": {"statuses":[201],"schema":{"$ref":"#/components/schemas/CreatedUser"}},
  "UsersController_importUsers": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UserImportAnswer"}},
  "UsersController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UserAdminView"}},
  "UsersController_update": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UserAdminView"}},
  "UsersController_deactivate": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UserAdminView"}},
  "UsersController_reactivate": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UserAdminView"}},
  "UsersController_resetPassword": {
    "statuses": [200],
    "schema": {
      "anyOf": [
        {"type":"object","properties":{"oneTimePassword":{"type":"string"}},"required":["oneTimePassword"]},
        {
          "type": "object",
          "properties": {"emailedTo":{"type":"string"},"expiresAt":{"type":"string","format":"date-time"}},
          "required": ["emailedTo","expiresAt"]
        }
      ]
    }
  },
  "UsersController_unlock": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UserUnlockAnswer"}}
};

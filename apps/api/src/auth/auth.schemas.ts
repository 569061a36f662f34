// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const authSchemas: OpenApiSchemas = {
  "MeView": {
    "type": "object",
    "properties": {
      "department": {
        "type": "object",
        "properties": {"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"},"kind":{"type":"string"}},
        "required": ["id","code","name","kind"],
        "nullable": true
      },
      "id": {"type":"string"},
      "username": {"type":"string"},
      "displayName": {"type":"string"},
      "email": {"type":"string","nullable":true},
      "role": {"type":"string","enum":["office","department_officer","inspector","viewer"]},
      "departmentId": {"type":"string","nullable":true}
    },
    "required": ["department","id","username","displayName","email","role","departmentId"],
    "description": "Who is signed in, with the unit they act for (the console shows it in its header)."
  },
  "UserView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "username": {"type":"string"},
      "displayName": {"type":"string"},
      "email": {"type":"string","nullable":true},
      "role": {"type":"string","enum":["office","department_officer","inspector","viewer"]},
      "departmentId": {"type":"string","nullable":true}
    },
    "required": ["id","username","displayName","email","role","departmentId"]
  }
};

export const authAnswers: OpenApiAnswers = {
  "AuthController_login": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "accessToken": {"type":"string"},
        "tokenType": {"type":"string"},
        "expiresIn": {"type":"number"},
        "user": {"$ref":"#/components/schemas/UserView"}
      },
      "required": ["accessToken","tokenType","expiresIn","user"]
    }
  },
  "AuthController_me": {"statuses":[200],"schema":{"$ref":"#/components/schemas/MeView"}}
};

// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const authSchemas: OpenApiSchemas = {
  "Me": {
    "type": "object",
    "properties": {
      "department": {
        "type": "object",
        "properties": {"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"},"kind":{"type":"string"}},
        "required": ["id","code","name","kind"],
        "nullable": true
      },
      "mustChangePassword": {
        "type": "boolean",
        "description": "Signed in with a one-time password: the console asks for a new password before anything else."
      },
      "id": {"type":"string"},
      "username": {"type":"string"},
      "displayName": {"type":"string"},
      "email": {"type":"string","nullable":true},
      "role": {"type":"string","enum":["admin","office","department_officer","inspector","viewer"]},
      "departmentId": {"type":"string","nullable":true}
    },
    "required": ["department","mustChangePassword","id","username","displayName","email","role","departmentId"],
    "description": "GET /auth/me: who is signed in, with the unit they act for (the console shows it in its header)."
  },
  "OidcSettings": {
    "type": "object",
    "properties": {
      "enabled": {"type":"boolean"},
      "loginUrl": {"type":"string","description":"Where the console's button leads (with ?returnTo=/console/...)."},
      "label": {"type":"string","description":"The button's text."}
    },
    "required": ["enabled"],
    "description": "GET /auth/oidc: whether single sign-on is offered, and the button's words."
  },
  "SignedInUser": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "username": {"type":"string"},
      "displayName": {"type":"string"},
      "email": {"type":"string","nullable":true},
      "role": {"type":"string","enum":["admin","office","department_officer","inspector","viewer"]},
      "departmentId": {"type":"string","nullable":true}
    },
    "required": ["id","username","displayName","email","role","departmentId"],
    "description": "The user a sign-in answers with."
  },
  "SignInAnswer": {
    "type": "object",
    "properties": {
      "accessToken": {"type":"string"},
      "tokenType": {"type":"string"},
      "expiresIn": {"type":"number","description":"Seconds the token works."},
      "mustChangePassword": {
        "type": "boolean",
        "description": "True: every route but /auth/me, /auth/password and sign-out answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed."
      },
      "user": {"$ref":"#/components/schemas/SignedInUser"}
    },
    "required": ["accessToken","tokenType","expiresIn","mustChangePassword","user"],
    "description": "POST /auth/login, POST /auth/password, POST /auth/password-reset."
  },
  "SignOutEverywhereAnswer": {
    "type": "object",
    "properties": {"sessionsEnded":{"type":"number"}},
    "required": ["sessionsEnded"],
    "description": "POST /auth/logout-everywhere."
  }
};

export const authAnswers: OpenApiAnswers = {
  "AuthController_login": {"statuses":[200],"schema":{"$ref":"#/components/schemas/SignInAnswer"}},
  "AuthController_me": {"statuses":[200],"schema":{"$ref":"#/components/schemas/Me"}},
  "AuthController_changePassword": {"statuses":[200],"schema":{"$ref":"#/components/schemas/SignInAnswer"}},
  "AuthController_setPasswordWithLink": {"statuses":[200],"schema":{"$ref":"#/components/schemas/SignInAnswer"}},
  "AuthController_logout": {"statuses":[204]},
  "AuthController_logoutEverywhere": {"statuses":[200],"schema":{"$ref":"#/components/schemas/SignOutEverywhereAnswer"}},
  "OidcController_settings": {"statuses":[200],"schema":{"$ref":"#/components/schemas/OidcSettings"}},
  "OidcController_login": {"statuses":[302]},
  "OidcController_callback": {"statuses":[302]}
};

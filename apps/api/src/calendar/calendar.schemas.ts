// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const calendarSchemas: OpenApiSchemas = {
  "CalendarYearRevision": {
    "type": "object",
    "properties": {
      "year": {"type":"number"},
      "revision": {"type":"number","description":"0 when the office has not set the year yet."},
      "holidays": {"type":"array","items":{"type":"string"}},
      "makeUpWorkdays": {"type":"array","items":{"type":"string"}},
      "reason": {"type":"string","nullable":true},
      "changedBy": {
        "type": "string",
        "nullable": true,
        "description": "The office user who saved it; null for a year not set and for a revision shipped with Duban."
      },
      "changedAt": {"type":"string","format":"date-time","nullable":true},
      "shippedFrom": {
        "type": "string",
        "nullable": true,
        "description": "The State Council notice a shipped revision was loaded from; null when the office saved it."
      }
    },
    "required": ["year","revision","holidays","makeUpWorkdays","reason","changedBy","changedAt","shippedFrom"],
    "description": "One revision of a year's calendar (GET /calendar/:year/revisions, oldest first)."
  },
  "CalendarYearView": {
    "type": "object",
    "properties": {
      "shippedNotice": {
        "nullable": true,
        "allOf": [{"$ref":"#/components/schemas/ShippedNoticeView"}],
        "description": "Null: Duban ships no notice for the year, so only what the office sets counts (a flag on the page)."
      },
      "year": {"type":"number"},
      "revision": {"type":"number","description":"0 when the office has not set the year yet."},
      "holidays": {"type":"array","items":{"type":"string"}},
      "makeUpWorkdays": {"type":"array","items":{"type":"string"}},
      "reason": {"type":"string","nullable":true},
      "changedBy": {
        "type": "string",
        "nullable": true,
        "description": "The office user who saved it; null for a year not set and for a revision shipped with Duban."
      },
      "changedAt": {"type":"string","format":"date-time","nullable":true},
      "shippedFrom": {
        "type": "string",
        "nullable": true,
        "description": "The State Council notice a shipped revision was loaded from; null when the office saved it."
      }
    },
    "required": [
      "shippedNotice",
      "year",
      "revision",
      "holidays",
      "makeUpWorkdays",
      "reason",
      "changedBy",
      "changedAt",
      "shippedFrom"
    ],
    "description": "GET /calendar/:year and the answer to PUT: a year's current revision, and whether Duban ships the State Council's notice for it."
  },
  "ShippedNoticeView": {
    "type": "object",
    "properties": {
      "title": {"type":"string"},
      "number": {"type":"string","nullable":true,"description":"文号; null where the shipped text did not carry it."},
      "issuedOn": {"type":"string"}
    },
    "required": ["title","number","issuedOn"],
    "description": "The State Council notice Duban ships for a year, as the calendar page names it."
  }
};

export const calendarAnswers: OpenApiAnswers = {
  "CalendarController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CalendarYearView"}},
  "CalendarController_revisions": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CalendarYearRevision"}}},
  "CalendarController_set": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CalendarYearView"}}
};

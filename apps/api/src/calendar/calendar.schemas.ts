// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const calendarSchemas: OpenApiSchemas = {};

export const calendarAnswers: OpenApiAnswers = {
  "CalendarController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CalendarYearRevision"}},
  "CalendarController_revisions": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CalendarYearRevision"}}},
  "CalendarController_set": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CalendarYearRevision"}}
};

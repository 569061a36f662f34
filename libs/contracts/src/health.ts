// GET /health: whether PostgreSQL and Temporal answer.
export type HealthPart = 'up' | 'down';

/** 200 with status ok; 503 with status degraded and the part that is down. */
export interface Health {
  status: 'ok' | 'degraded';
  database: HealthPart;
  temporal: HealthPart;
}

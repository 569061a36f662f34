import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { perDistrictTemplates, singlePhaseCampaign } from '../../support/campaign-fixtures';
import type { CaughtEmail } from '../../support/smtp-catcher';

type Http = (method: string, route: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** `count` districts registered through the API, each with its own liaison address. */
export async function registerFanOutDistricts(http: Http, count: number, label: string): Promise<Array<{ id: string; name: string; liaisonEmail: string }>> {
  const districts: Array<{ id: string; name: string; liaisonEmail: string }> = [];
  for (let i = 0; i < count; i++) {
    const code = `F${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
    const created = await http('POST', '/departments', {
      code,
      name: `${label}区${i + 1}`,
      kind: 'district',
      liaisonEmail: `${code.toLowerCase()}-liaison@duban.test`,
      headEmail: `${code.toLowerCase()}-head@duban.test`,
    });
    if (created.status !== 201) throw new Error(`district: ${JSON.stringify(created.body)}`);
    districts.push(created.body);
  }
  return districts;
}

/** A campaign of one phase whose `templates` per-district templates fan out to every district. */
export function fanOutCampaign(label: string, districtIds: string[], templates: number) {
  return singlePhaseCampaign({
    name: label,
    place: '演练市',
    legal: '演练',
    legalNumber: `${label}${Date.now()}`,
    districtIds,
    templates: perDistrictTemplates(templates, `${label}事项`),
  });
}

export interface FanOutLedgerRow {
  duty_id: string;
  message_id: string;
  attempts: number;
  subject: string;
  recipients: string[];
  sent_ms: number;
  claimed_by: string | null;
}

/**
 * The durability invariants of a phase's fan-out after faults: the planned duties, none twice,
 * one assignment transition each, one ledger row per duty, and every copy the SMTP server got
 * carrying that duty's Message-ID, never more copies than attempts nor than 1 + the worker kills.
 */
export async function checkFanOut(db: Pool, phaseId: string, planned: number, emails: CaughtEmail[], workerKills: number) {
  const count = async (sql: string): Promise<number> => Number((await db.query(sql, [phaseId])).rows[0].n);
  expect(await count(`SELECT count(*) AS n FROM phase_fanout WHERE phase_id = $1`)).toBe(planned);
  expect(await count(`SELECT count(*) AS n FROM duties WHERE phase_id = $1`)).toBe(planned);
  expect(await count(`SELECT count(*) AS n FROM phase_fanout f LEFT JOIN duties d ON d.id = f.duty_id WHERE f.phase_id = $1 AND d.id IS NULL`)).toBe(0);
  const duplicateDuties = await count(
    `SELECT count(*) AS n FROM (SELECT f.template_id, f.department_id FROM phase_fanout f JOIN duties d ON d.id = f.duty_id
      WHERE f.phase_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) x`,
  );
  expect(duplicateDuties).toBe(0);
  const transitions = await count(`SELECT count(*) AS n FROM duty_transitions t JOIN duties d ON d.id = t.duty_id WHERE d.phase_id = $1`);
  const duplicateTransitions = await count(
    `SELECT count(*) AS n FROM (SELECT t.duty_id, t.action FROM duty_transitions t JOIN duties d ON d.id = t.duty_id
      WHERE d.phase_id = $1 GROUP BY 1, 2 HAVING count(*) > 1) x`,
  );
  expect(transitions).toBe(planned);
  expect(duplicateTransitions).toBe(0);

  const ledger = (
    await db.query(
      `SELECT e.duty_id, e.message_id, e.attempts, e.subject, e.recipients, e.claimed_by, (extract(epoch FROM e.sent_at) * 1000)::float8 AS sent_ms
       FROM emails e JOIN duties d ON d.id = e.duty_id WHERE d.phase_id = $1`,
      [phaseId],
    )
  ).rows as FanOutLedgerRow[];
  expect(ledger).toHaveLength(planned);
  expect(new Set(ledger.map((row) => row.duty_id)).size).toBe(planned);
  const copiesById = new Map<string, number>();
  const firstReceived = new Map<string, number>();
  const copiesByRecipientSubject = new Map<string, number>();
  for (const email of emails) {
    copiesById.set(email.messageId, (copiesById.get(email.messageId) ?? 0) + 1);
    if (!firstReceived.has(email.messageId)) firstReceived.set(email.messageId, email.receivedAt);
    for (const to of email.to) copiesByRecipientSubject.set(`${to}\n${email.subject}`, (copiesByRecipientSubject.get(`${to}\n${email.subject}`) ?? 0) + 1);
  }
  let resends = 0;
  let maxCopies = 0;
  for (const row of ledger) {
    const byId = copiesById.get(row.message_id) ?? 0;
    const byRecipient = copiesByRecipientSubject.get(`${row.recipients[0]}\n${row.subject}`) ?? 0;
    // Sent, and any second copy is the same message (same Message-ID), so clients fold it.
    expect(byId).toBeGreaterThanOrEqual(1);
    expect(byRecipient).toBe(byId);
    // A resend only follows an attempt that died: never more copies than attempts.
    expect(byId).toBeLessThanOrEqual(row.attempts);
    resends += byId - 1;
    maxCopies = Math.max(maxCopies, byId);
  }
  // Only a worker's death between the server's acceptance and the sent mark resends.
  if (workerKills === 0) expect(resends).toBe(0);
  expect(maxCopies).toBeLessThanOrEqual(1 + workerKills);
  // The window a death resends in: from the server's acceptance to the sent mark's commit.
  const windows = ledger
    .filter((row) => copiesById.get(row.message_id) === 1)
    .map((row) => row.sent_ms - firstReceived.get(row.message_id)!)
    .sort((a, b) => a - b);
  const quantile = (q: number) => windows[Math.min(windows.length - 1, Math.floor(q * windows.length))].toFixed(1);
  return {
    ledger,
    duplicateDuties,
    duplicateTransitions,
    resends,
    maxCopies,
    copies: ledger.reduce((sum, row) => sum + (copiesById.get(row.message_id) ?? 0), 0),
    acceptanceToSentMark: `${quantile(0.5)} / ${quantile(0.99)} / ${windows[windows.length - 1].toFixed(1)}`,
  };
}

/** Counts per bucket of `width`, from 0 to the largest value: "12 40 0 3". */
export function histogram(values: number[], width: number): string {
  const buckets = Array.from({ length: Math.floor(Math.max(0, ...values) / width) + 1 }, () => 0);
  for (const value of values) buckets[Math.max(0, Math.floor(value / width))]++;
  return buckets.join(' ');
}

import { DomainError, DomainErrorCode } from '../errors';

/** Field path → messages, as the API reports an invalid body (`fields`). */
export type FieldMessages = Record<string, string[]>;

export function addFieldMessage(fields: FieldMessages, path: string, message: string): void {
  (fields[path] ??= []).push(message);
}

/** Fails once with every problem found, as `code` carrying the fields (the API answers 400 with them); does nothing when there are none. */
export function assertNoFieldProblems(fields: FieldMessages, code: DomainErrorCode): void {
  const entries = Object.entries(fields);
  if (entries.length === 0) return;
  throw new DomainError(code, entries.map(([f, m]) => `${f}: ${m.join('; ')}`).join(' | '), { fields });
}

export function assertNoCampaignProblems(fields: FieldMessages): void {
  assertNoFieldProblems(fields, DomainErrorCode.InvalidCampaign);
}

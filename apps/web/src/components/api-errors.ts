// The API's errors in the console's words: field messages go next to their fields, the rest
// into one message that says what happened.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import type { Translate } from '../i18n/i18n';

/** `targets.0.districtShares` → ['targets', 0, 'districtShares'], the name path antd forms use. */
export function namePath(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the API's field messages on the form's fields. Returns the messages that matched no
 * field of the form, so the page can still show them.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, aliases: Record<string, string> = {}): string[] {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return [];
  // The fields the form has on screen now (Form.Item with a name).
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(error.fields)) {
    const path = namePath(aliases[field] ?? field);
    // A message about a nested value (targets.0.districtShares.2) shows on the nearest field the form has.
    let placed = false;
    for (let length = path.length; length > 0 && !placed; length -= 1) {
      const candidate = path.slice(0, length);
      const key = JSON.stringify(candidate);
      if (registered.has(key)) {
        const entry = byField.get(key) ?? { name: candidate, errors: [] };
        entry.errors.push(...messages);
        byField.set(key, entry);
        placed = true;
      }
    }
    if (!placed) unplaced.push(...messages.map((m) => `${field}: ${m}`));
  }
  form.setFields([...byField.values()]);
  return unplaced;
}

/** One line for a failure that is not about a field. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return t('error.network');
  if (error.status === 503) return t('error.unavailable');
  if (error.status >= 500) return t('error.server');
  if (Object.keys(error.fields).length > 0) return t('error.fields');
  // The API's own sentence is specific ("the duty is accepted; it cannot be returned"): keep it.
  if (error.message) return error.message;
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.status === 409) return t('error.conflict');
  return error.code;
}

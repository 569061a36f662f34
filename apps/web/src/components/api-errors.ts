// The API's errors in the console's words. The API sends codes (the domain's error code, the
// validator's constraint); the console owns the sentences, in the user's language. The API's own
// English is shown only for what the console has no words for.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { hasMessage, type Translate } from '../i18n/catalogue';

/** `targets.0.districtShares` → ['targets', 0, 'districtShares'], the name path antd forms use. */
export function namePath(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The domain's code of a refusal (PREVIOUS_PHASE_OPEN …), from the API's answer. */
export function domainCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

/** The sentence for a domain error code, or null when the console has none (a code newer than the console). */
export function domainErrorText(code: string | null | undefined, t: Translate): string | null {
  if (!code) return null;
  const key = `apiError.${code}`;
  return hasMessage(key) ? t(key) : null;
}

type Words = (match: RegExpExecArray, t: Translate) => string;

/**
 * class-validator's default messages ("dueAt must be a valid ISO 8601 date string") and the
 * password policy's, read back into their constraint. The property name that begins them is
 * left out: the message is shown next to its field.
 */
const FIELD_CONSTRAINTS: Array<[RegExp, Words]> = [
  [/ should not be empty$/, (_, t) => t('fieldError.required')],
  [/ should not be null or undefined$/, (_, t) => t('fieldError.required')],
  [/ must be shorter than or equal to (\d+) characters$/, (m, t) => t('fieldError.tooLong', { max: m[1] })],
  [/ must be longer than or equal to (\d+) characters$/, (m, t) => t('fieldError.tooShort', { min: m[1] })],
  [/ must be a valid ISO 8601 date string$/, (_, t) => t('fieldError.notDate')],
  [/ must be a Date instance$/, (_, t) => t('fieldError.notDate')],
  // The API's own wording of the same constraints (its DTOs' messages).
  [/ must be an ISO 8601 date-time\b/, (_, t) => t('fieldError.notDate')],
  [/ must be a date YYYY-MM-DD$/, (_, t) => t('fieldError.notDay')],
  [/ must be an e-mail address$/, (_, t) => t('fieldError.notEmail')],
  [/ must be true or false$/, (_, t) => t('fieldError.notBoolean')],
  [/ must be a phone number\b/, (_, t) => t('fieldError.notPhone')],
  [/ must not hold control characters$/, (_, t) => t('fieldError.controlCharacters')],
  [/ must be one of the following values: (.*)$/, (m, t) => t('fieldError.notOneOf', { values: m[1] })],
  [/ must be a string$/, (_, t) => t('fieldError.notString')],
  [/ must be an integer number$/, (_, t) => t('fieldError.notInteger')],
  [/ must be a number conforming to the specified constraints$/, (_, t) => t('fieldError.notNumber')],
  [/ must be a boolean value$/, (_, t) => t('fieldError.notBoolean')],
  [/ must be an email$/, (_, t) => t('fieldError.notEmail')],
  [/ must be a UUID$/, (_, t) => t('fieldError.notUuid')],
  [/ must be an array$/, (_, t) => t('fieldError.notArray')],
  [/ must be an object$/, (_, t) => t('fieldError.notObject')],
  [/ must not be less than (-?[\d.]+)$/, (m, t) => t('fieldError.min', { min: m[1] })],
  [/ must not be greater than (-?[\d.]+)$/, (m, t) => t('fieldError.max', { max: m[1] })],
  [/^property \S+ should not exist$/, (_, t) => t('fieldError.unknownField')],
  [/^the password must have at least (\d+) characters$/, (m, t) => t('fieldError.passwordTooShort', { min: m[1] })],
  [/^the password may have at most (\d+) characters$/, (m, t) => t('fieldError.passwordTooLong', { max: m[1] })],
  [/^the password must not be the username$/, (_, t) => t('fieldError.passwordIsUsername')],
  [/^the password is too common/, (_, t) => t('fieldError.passwordTooCommon')],
];

/** One field message of a 400 in the user's language; the API's text when the console does not know the constraint. */
export function fieldMessageText(message: string, t: Translate): string {
  for (const [pattern, words] of FIELD_CONSTRAINTS) {
    const match = pattern.exec(message);
    if (match) return words(match, t);
  }
  return message;
}

/** Every field message of a 400, each with its field, in one line (for a page with no form to put them on). */
export function fieldMessagesText(error: ApiError, t: Translate): string {
  return Object.entries(error.fields)
    .flatMap(([field, messages]) => messages.map((m) => t('fieldError.label', { field, message: fieldMessageText(m, t) })))
    .join('; ');
}

/**
 * Puts the API's field messages on the form's fields, in the user's language. Returns the
 * messages that matched no field of the form, so the page can still show them.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, t: Translate, aliases: Record<string, string> = {}): string[] {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return [];
  // The fields the form has on screen now (Form.Item with a name).
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
  const unplaced: string[] = [];
  for (const [field, apiMessages] of Object.entries(error.fields)) {
    const messages = apiMessages.map((m) => fieldMessageText(m, t));
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
    if (!placed) unplaced.push(...messages.map((message) => t('fieldError.label', { field, message })));
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
  const coded = domainErrorText(error.code, t);
  if (coded) return coded;
  // No code the console knows: the front door's refusals (a route that does not exist, a body
  // too large) have a status that says enough; the API's sentence is the last resort.
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.status === 409) return t('error.conflict');
  if (error.status === 413) return t('error.tooLarge');
  if (error.message) return error.message;
  return error.statusName;
}

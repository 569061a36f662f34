// Histories in the user's language: what the system wrote is known by its code (SYSTEM_REASONS),
// what a person wrote is shown as written.
import { COMMAND_LINE_USERNAME, SYSTEM_ACTOR, systemReasonOf } from '@duban/domain';
import { hasMessage, type Translate } from '../i18n/catalogue';

/**
 * A recorded reason: the system's in words of the console (by the code the API sent, or known
 * by its text in rows the API sends as stored), a person's as they wrote it.
 */
export function reasonText(reason: string | null | undefined, t: Translate, code?: string | null): string {
  if (!reason && !code) return '';
  const known = code ?? systemReasonOf(reason);
  const key = known ? `systemReason.${known}` : '';
  return known && hasMessage(key) ? t(key) : (reason ?? '');
}

/** A ladder step: the default ladder's by name, a step the office named itself as named. */
export function escalationStepText(step: string, t: Translate): string {
  const key = `escalationStep.${step}`;
  return hasMessage(key) ? t(key) : t('escalationStep.custom', { step });
}

/** Who did it: a person by username, the clock and the worker as the system, the command line as such. */
export function actorText(username: string | null | undefined, t: Translate, isSystem = false): string {
  if (isSystem || !username || username === SYSTEM_ACTOR.username) return t('who.system');
  if (username === COMMAND_LINE_USERNAME) return t('who.commandLine');
  return username;
}

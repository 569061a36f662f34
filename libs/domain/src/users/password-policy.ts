import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set(COMMON_PASSWORDS);

/**
 * The rules a new password breaks, in words (empty: it is acceptable): at least 12 characters,
 * not the username, not one of the common passwords the project ships (libs/domain/src/users/
 * common-passwords.ts), compared without case and ignoring spaces at the ends.
 */
export function passwordPolicyProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`the password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`the password may have at most ${PASSWORD_MAX_LENGTH} characters`);
  const folded = password.trim().toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && (folded === name || folded.replace(/[^a-z0-9]/g, '') === name.replace(/[^a-z0-9]/g, ''))) problems.push('the password must not be the username');
  if (COMMON.has(folded) || isRepetition(folded)) problems.push('the password is too common (it is in the list of common passwords)');
  return problems;
}

/** One short run repeated ("aaaaaaaaaaaa", "abcabcabcabc", "123123123123"). */
function isRepetition(text: string): boolean {
  for (let size = 1; size <= 4; size++) {
    const unit = text.slice(0, size);
    if (unit && text.length >= PASSWORD_MIN_LENGTH && unit.repeat(Math.ceil(text.length / size)).slice(0, text.length) === text) return true;
  }
  return false;
}

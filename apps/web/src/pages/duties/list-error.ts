import { ApiError } from '../../api/client';
import { errorText } from '../../components/api-errors';
import type { Translate } from '../../i18n/i18n';

/**
 * A list's failure in one line. A 400 about the query names the parameters (they come from the
 * URL or a saved filter, not from a form field the user could see marked).
 */
export function listErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    return Object.entries(error.fields)
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
      .join(' · ');
  }
  return errorText(error, t);
}

// The compliance chain's refusals in the console's words: the API's domain code (body.code)
// picks the sentence; anything else goes through the shared errorText.
import { domainCode, errorText } from '../../components/api-errors';
import { hasMessage, type Translate } from '../../i18n/i18n';

export { domainCode };

/** 'complianceError.<CODE>' when the catalogue has it (with the API's sentence as detail), else the shared text. */
export function complianceErrorText(error: unknown, t: Translate): string {
  const code = domainCode(error);
  const key = code ? `complianceError.${code}` : '';
  if (code && hasMessage(key)) return t(key);
  return errorText(error, t);
}

// The unified social credit code's shape (GB 32100-2015), checked before asking the API.
import { creditCodeCheckCharacter } from '@duban/domain';
import type { MessageKey } from '../../i18n/locales/zh-CN';

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Why a code cannot be one (a catalogue key and its values), or null when it can. */
export function creditCodeMistake(code: string): { key: MessageKey; values?: Record<string, string | number> } | null {
  if (code.length !== 18) return { key: 'units.codeLength', values: { length: code.length } };
  if (!SHAPE.test(code)) return { key: 'units.codeShape' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return { key: 'units.codeCheck', values: { expected, actual: code[17] } };
  return null;
}

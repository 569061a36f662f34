// The unified social credit code is checked by the domain's rule before asking the API; the
// console only words the fault in its catalogue.
import { creditCodeFault } from '@duban/domain';
import type { MessageKey } from '../../i18n/locales/zh-CN';

/** Why a code cannot be one (a catalogue key and its values), or null when it can. */
export function creditCodeMistake(code: string): { key: MessageKey; values?: Record<string, string | number> } | null {
  const found = creditCodeFault(code);
  switch (found?.fault) {
    case undefined:
      return null;
    case 'length':
      return { key: 'units.codeLength', values: { length: found.length } };
    case 'shape':
      return { key: 'units.codeShape' };
    case 'check':
      return { key: 'units.codeCheck', values: { expected: found.expected, actual: found.actual } };
  }
}

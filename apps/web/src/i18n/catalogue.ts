// The catalogues and the lookups that need no React: zh-CN is the reference (its keys are the
// type), en must have every key (the compiler checks).
import { messages as en } from './locales/en';
import { messages as zhCN, type MessageKey } from './locales/zh-CN';

export type { MessageKey };
export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];
export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; a missing value stays visible rather than silently empty. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Looks up a key that is built at run time (an enum value from the API); falls back to the raw value. */
export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}

/** The translator of one language. */
export function translatorFor(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, values) => format(catalogue[key] ?? key, values);
}

// Every string the console shows comes from the translation files in ./locales: zh-CN is the
// default and the reference (its keys are the type), en must have every key (the compiler checks).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdEn from 'antd/locale/en_US';
import antdZh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { messages as zhCN, type MessageKey } from './locales/zh-CN';
import { messages as en } from './locales/en';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'duban.language';

/**
 * Ant Design's defaults with every text colour dark enough for WCAG AA (4.5:1 on white): the
 * default link blue and the 45% grey of descriptions fall short, and axe says so.
 */
const THEME_TOKENS = {
  colorPrimary: '#b71c1c',
  colorLink: '#0b57c4',
  colorInfo: '#0b57c4',
  colorError: '#b3261e',
  colorWarning: '#ad4e00',
  colorSuccess: '#237804',
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
};

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

interface I18nValue {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  /** A label for an API value (a state, a finding…): `prefix.value`, or the value itself when unknown. */
  label(prefix: string, value: string | null | undefined): string;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18nValue>(() => {
    const catalogue = CATALOGUES[language];
    const t: Translate = (key, values) => format(catalogue[key] ?? key, values);
    const label = (prefix: string, raw: string | null | undefined) => {
      if (raw === null || raw === undefined || raw === '') return '';
      const key = `${prefix}.${raw}`;
      return hasMessage(key) ? t(key) : raw;
    };
    document.documentElement.lang = language;
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    return { language, setLanguage, t, label };
  }, [language, setLanguage]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={language === 'zh-CN' ? antdZh : antdEn}
        theme={{ token: THEME_TOKENS }}
        // "签收", not "签 收": the words read as written (and as tests and screen readers name them).
        button={{ autoInsertSpace: false }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

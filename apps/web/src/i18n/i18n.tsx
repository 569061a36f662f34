// Every string the console shows comes from the translation files in ./locales (see ./catalogue).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import antdEn from 'antd/locale/en_US';
import antdZh from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { hasMessage, translatorFor, type Language, type Translate } from './catalogue';

export { format, hasMessage, LANGUAGES, type Language, type Translate } from './catalogue';
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
    const t: Translate = translatorFor(language);
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

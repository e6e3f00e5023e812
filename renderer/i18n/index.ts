/** i18next with the two interface languages; zh-CN is the default and the fallback. */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n-text.ts';
import en from './en.ts';
import zhCN from './zh-CN.ts';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** The interface language, following i18next. */
export function useLocale(): Locale {
  const { i18n: current } = useTranslation();
  return current.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;

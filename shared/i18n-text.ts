import { z } from 'zod';

/** The two interface languages; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A user-visible text in every interface language. */
export const LocalizedText = z
  .object({
    'zh-CN': z.string().min(1).max(8000),
    en: z.string().min(1).max(8000),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Picks the text for a locale, falling back to zh-CN. */
export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text['zh-CN'];
}

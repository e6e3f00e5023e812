import { z } from 'zod';

/** The two interface languages; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A user-visible text in every interface language. */
export const BothLanguages = z
  .object({
    'zh-CN': z.string().min(1).max(8000),
    en: z.string().min(1).max(8000),
  })
  .strict();

/**
 * A user-visible text: both interface languages, or Chinese only when marked
 * so (`zhOnly: true`), as a provincial secretariat may write its rubric or
 * an applicant's name. `pick` shows the Chinese where there is no English.
 */
export const LocalizedText = z.union([BothLanguages, z.object({ 'zh-CN': z.string().min(1).max(8000), zhOnly: z.literal(true) }).strict()]);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** The English of a text, if it has one. */
export function english(text: LocalizedText): string | undefined {
  return 'en' in text ? text.en : undefined;
}

/** Picks the text for a locale, falling back to zh-CN (a rubric text may be Chinese only). */
export function pick(text: LocalizedText, locale: Locale): string {
  return (locale === 'en' ? english(text) : undefined) ?? text['zh-CN'];
}

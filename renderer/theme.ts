/** Mantine theme: system CJK fonts, a sober blue, compact density for 1280×800. */
import { Badge, createTheme } from '@mantine/core';

const SANS =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: SANS,
  headings: { fontFamily: SANS, fontWeight: '600' },
  fontFamilyMonospace: '"JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
  defaultRadius: 'sm',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Chinese has no capitals; uppercase English badges shout.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});

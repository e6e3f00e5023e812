/** Every interface text exists in both languages (plural forms aside: English has _one, Chinese only _other). */
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.ts';
import zhCN from '../../renderer/i18n/zh-CN.ts';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const base = (k: string): string => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('interface texts', () => {
  it('zh-CN and en have the same keys', () => {
    expect([...new Set(keys(zhCN).map(base))].sort()).toEqual([...new Set(keys(en).map(base))].sort());
  });
  it('plural keys have an _other form in both languages', () => {
    for (const dict of [en, zhCN]) {
      const all = keys(dict);
      for (const k of all.filter((x) => /_(one|other)$/.test(x))) expect(all).toContain(`${base(k)}_other`);
    }
  });
  it('no text is empty', () => {
    const values = (o: object): string[] =>
      Object.values(o).flatMap((v) => (v && typeof v === 'object' ? values(v as object) : [String(v)]));
    for (const v of [...values(en), ...values(zhCN)]) expect(v.trim()).not.toBe('');
  });
});

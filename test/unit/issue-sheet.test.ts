/** The issue sheet read as its signer reads it: pdftotext on 3 and on 60 packages. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueSheetPdf, type IssueSheetPackage } from '../../electron/rounds/issue-sheet.ts';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir('rd-issue-sheet-');
const pkg = (i: number): IssueSheetPackage => ({
  expertId: `E${String(i + 1).padStart(2, '0')}`,
  name: `专家${i + 1}`,
  organisation: i === 1 ? '一个名字非常非常非常非常非常非常非常非常非常非常非常非常长的研究院（上海）有限公司' : '上海理工科技大学',
  fingerprint: `ABCD-EFGH-JKLM-${String.fromCharCode(65 + (i % 26))}PQR`,
  fileName: `E${String(i + 1).padStart(2, '0')}.rpkg`,
  packageId: `${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`,
  sha256: 'ab'.repeat(32),
  size: 52_428_800,
  applications: ['A001', 'A003'],
  ...(i === 0 ? { supersedes: '99999999-2222-4222-8222-222222222222' } : {}),
});
const text = async (n: number): Promise<string> => {
  const pdf = await issueSheetPdf({
    round: { id: 'SH-MIC-2026', title: '2026 年度遴选' },
    secretariat: { displayName: '评审秘书处', organisation: '某委员会', fingerprint: 'WXYZ-2345-6723-4567' },
    createdAt: new Date('2026-12-01T20:56:00Z'),
    packages: Array.from({ length: n }, (_, i) => pkg(i)),
  });
  const file = join(process.env.KEEP_SHEETS ?? dir, `sheet-${n}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
};

describe('评审包发放单', () => {
  it('names every package, fingerprint and file, in Beijing time, with the replaced package and the signature lines', async () => {
    const t = await text(3);
    expect(t).toContain('评审包发放单');
    expect(t).toContain('2026-12-02 04:56（北京时间）');
    expect(t).not.toContain('UTC');
    for (let i = 0; i < 3; i++) {
      expect(t).toContain(pkg(i).fingerprint);
      expect(t).toContain(pkg(i).fileName);
    }
    expect(t).toContain('替代 99999999');
    expect(t).toMatch(/发放人（签字）/);
    expect(t).toMatch(/复核人（签字）/);
    expect(t).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/);
  });

  it('pages 60 packages with the header and page numbers on every page', async () => {
    const t = await text(60);
    const pages = t.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p).toMatch(new RegExp(`第\\s*${i + 1}\\s*页\\s*/\\s*共\\s*${pages.length}\\s*页`));
      expect(p).toContain('评审批次 SH-MIC-2026');
    });
    for (let i = 0; i < 60; i++) expect(t).toContain(`E${String(i + 1).padStart(2, '0')}.rpkg`);
  });
});

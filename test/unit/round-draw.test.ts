/**
 * Conflict screening and the draw as pure functions: the name rules, each kind of conflict, and the draw's
 * determinism, sizes, balance, mix, reserves and refusals. The stream is checked against openssl's HMAC, so
 * docs/formats.md's description is what the code does.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RoundFile } from '../../shared/formats.ts';
import { blockedPairs, organisationMatchKey, pairKey, screenConflicts } from '../../shared/round/screen.ts';
import { DrawStream, draw, type DrawInput } from '../../electron/rounds/draw.ts';
import { isReviewDeskError } from '../../shared/errors.ts';

const zh = (t: string) => ({ 'zh-CN': t, zhOnly: true as const });

function round(over: Partial<RoundFile> = {}): RoundFile {
  return {
    schemaVersion: 2,
    kind: 'reviewdesk-round',
    round: { id: 'R1', title: zh('测试批次') },
    deadline: '2026-12-20T09:00:00Z',
    rubrics: [{ id: 'r', path: 'r.json' }],
    experts: [],
    applications: [],
    assignments: {},
    ...over,
  };
}
const app = (id: string, org: string, extra: Partial<RoundFile['applications'][number]> = {}): RoundFile['applications'][number] => ({
  id,
  name: zh(`${id} 中心`),
  organisation: zh(org),
  category: 'enterprise',
  rubricId: 'r',
  dossier: `dossiers/${id}`,
  ...extra,
});

describe('organisation names', () => {
  it('meet across full-width characters, brackets, spacing and legal-form endings', () => {
    const k = organisationMatchKey('某某（北京）科技股份有限公司');
    expect(organisationMatchKey('某某(北京)科技有限公司')).toBe(k);
    expect(organisationMatchKey('某某 北京 科技')).toBe(k);
    expect(organisationMatchKey('ＡＢＣ（北京）科技有限责任公司')).toBe(organisationMatchKey('abc(北京)科技'));
    expect(organisationMatchKey('Foo Robotics Co., Ltd.')).toBe(organisationMatchKey('FOO ROBOTICS'));
    expect(organisationMatchKey('某某科技')).not.toBe(organisationMatchKey('某某技术'));
    expect(organisationMatchKey('有限公司')).not.toBe(''); // a legal form alone is not emptied
  });
});

describe('conflict screening', () => {
  const cards = new Map([
    ['E01', { displayName: '王明', organisation: '华东先进制造研究院' }],
    ['E02', { displayName: '李华', organisation: '申江资本管理有限公司' }],
    ['E03', { displayName: '张伟', organisation: '上海理工科技大学' }],
    ['E04', { displayName: '陈静', organisation: '浦江咨询' }],
    ['E05', { displayName: '刘洋', organisation: '长三角知识产权服务中心' }],
  ]);
  const r = round({
    experts: [
      { id: 'E01', card: 'c' },
      { id: 'E02', card: 'c' },
      {
        id: 'E03',
        card: 'c',
        formerOrganisations: [
          { name: '甲公司', until: 2024 },
          { name: '乙公司', until: 2015 },
        ],
      },
      { id: 'E04', card: 'c', relationships: [{ kind: 'near-relative', organisation: '丙（上海）有限公司', note: '配偶任职' }] },
      { id: 'E05', card: 'c', relationships: [{ kind: 'competing', applicationId: 'A003' }] },
    ],
    applications: [
      app('A001', '丁科技有限公司', {
        shareholders: ['申江资本管理（有限公司）'],
        excludedExperts: [{ name: '陈 静', reason: '竞争关系' }, 'E09'],
      }),
      app('A002', '甲公司', { allianceMembers: ['华东先进制造研究院', '乙公司'] }),
      app('A003', '丙(上海)股份有限公司'),
    ],
  });
  const result = screenConflicts(r, cards);
  const reasons = (e: string, a: string) =>
    result.flagged.find((p) => p.expertId === e && p.applicationId === a)?.findings.map((f) => f.reason) ?? [];

  it('flags shareholders, alliance members, former organisations within the look-back, exclusions and declarations', () => {
    expect(reasons('E02', 'A001')).toEqual(['shareholder']);
    expect(reasons('E04', 'A001')).toEqual(['excluded-by-applicant']);
    expect(reasons('E01', 'A002')).toEqual(['alliance-member']);
    expect(reasons('E03', 'A002')).toEqual(['former-organisation']);
    expect(reasons('E04', 'A003')).toEqual(['declared']);
    expect(reasons('E05', 'A003')).toEqual(['declared']);
    // A declared relationship carries its kind as a field, for each screen to name in its language; the detail holds no code.
    const declared = result.flagged.find((p) => p.expertId === 'E04' && p.applicationId === 'A003')?.findings[0];
    expect(declared).toEqual({ reason: 'declared', relationship: 'near-relative', detail: '丙(上海)股份有限公司（配偶任职）' });
    // 乙公司 was left in 2015, more than three years before the 2026 deadline: not flagged for A002.
    expect(result.flagged.some((p) => p.expertId === 'E03' && p.findings.some((f) => f.detail.includes('乙公司')))).toBe(false);
    expect(result.flagged).toHaveLength(6);
    expect(result.unmatchedExclusions).toEqual([{ applicationId: 'A001', expert: 'E09' }]);
    expect(result.flagged.map((p) => `${p.expertId}${p.applicationId}`)).toEqual(
      [...result.flagged.map((p) => `${p.expertId}${p.applicationId}`)].sort(),
    );
  });

  it('blocks undecided and confirmed pairs, not overridden ones', () => {
    const decided = screenConflicts(
      {
        ...r,
        conflictDecisions: [
          { expertId: 'E01', applicationId: 'A002', decision: 'overridden', reason: '一般会员', at: '2026-12-01T00:00:00Z' },
          { expertId: 'E02', applicationId: 'A001', decision: 'confirmed', reason: '股东', at: '2026-12-01T00:00:00Z' },
        ],
      },
      cards,
    );
    const blocked = blockedPairs(decided);
    expect(blocked.has(pairKey('E01', 'A002'))).toBe(false);
    expect(blocked.has(pairKey('E02', 'A001'))).toBe(true);
    expect(blocked.has(pairKey('E04', 'A001'))).toBe(true);
    expect(blocked.size).toBe(5);
  });
});

function pool(n: number, m: number, blocked: [string, string][] = []): DrawInput {
  const types = ['economics', 'technology', 'industry', 'management', 'law'] as const;
  return {
    seed: '20261201',
    experts: Array.from({ length: n }, (_, i) => ({
      id: `E${String(i + 1).padStart(3, '0')}`,
      fields: [i % 3 === 0 ? '集成电路' : i % 3 === 1 ? '生物医药' : '人工智能'],
      expertise: [types[i % 5] as (typeof types)[number]],
    })),
    applications: Array.from({ length: m }, (_, i) => ({
      id: `A${String(i + 1).padStart(3, '0')}`,
      field: [i % 2 ? '生物医药' : '集成电路'],
    })),
    blocked: new Set(blocked.map(([e, a]) => pairKey(e, a))),
    perApplication: 3,
    reserves: 1,
    mix: {},
  };
}

describe('the draw', () => {
  it('is the same for the same seed and pool, whatever order the inputs come in, and differs for another seed', () => {
    const input = pool(12, 8);
    const a = draw(input);
    const shuffled = { ...input, experts: [...input.experts].reverse(), applications: [...input.applications].reverse() };
    expect(draw(shuffled)).toEqual(a);
    expect(draw({ ...input, seed: '20261202' }).assignments).not.toEqual(a.assignments);
  });

  it('gives every application N experts and its reserves, never a blocked pair, with loads within one of each other', () => {
    const blocked: [string, string][] = [
      ['E001', 'A001'],
      ['E002', 'A001'],
      ['E005', 'A003'],
    ];
    const out = draw(pool(10, 9, blocked));
    const perApp = new Map<string, string[]>();
    for (const [e, apps] of Object.entries(out.assignments)) for (const x of apps) perApp.set(x, [...(perApp.get(x) ?? []), e]);
    for (let i = 1; i <= 9; i++) {
      const id = `A${String(i).padStart(3, '0')}`;
      expect(perApp.get(id)).toHaveLength(3);
      expect(out.reservesByApplication[id]).toHaveLength(1);
      expect(perApp.get(id)).not.toContain(out.reservesByApplication[id]?.[0]);
    }
    for (const [e, a] of blocked) {
      expect(out.assignments[e] ?? []).not.toContain(a);
      expect(out.reservesByApplication[a]).not.toContain(e);
    }
    const loads = Object.values(out.assignments).map((x) => x.length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((s, x) => s + x, 0)).toBe(27);
  });

  it('fills the expertise mix when it can and reports a shortfall when it cannot', () => {
    const input = { ...pool(10, 4), mix: { law: 1, technology: 1 } };
    const out = draw(input);
    const law = new Set(input.experts.filter((e) => e.expertise.includes('law')).map((e) => e.id));
    for (const a of ['A001', 'A002', 'A003', 'A004'])
      expect(Object.entries(out.assignments).some(([e, apps]) => law.has(e) && apps.includes(a))).toBe(true);
    expect(out.shortfalls.filter((f) => f.kind === 'expertise')).toEqual([]);
    const short = draw({ ...input, mix: { law: 3 } });
    expect(short.shortfalls.filter((f) => f.kind === 'expertise' && f.expertise === 'law')).toHaveLength(4);
    expect(Object.values(short.assignments).flat()).toHaveLength(12);
  });

  it('refuses with E_DRAW_TOO_FEW naming each application short of N, and reports missing reserves', () => {
    const blocked: [string, string][] = [
      ['E001', 'A002'],
      ['E002', 'A002'],
    ];
    try {
      draw(pool(4, 3, blocked));
      expect.unreachable();
    } catch (e) {
      expect(isReviewDeskError(e) && e.code).toBe('E_DRAW_TOO_FEW');
      expect((e as Error).message).toContain('A002 (2)');
      expect((e as Error).message).not.toContain('A001');
    }
    const out = draw(pool(3, 2));
    expect(out.shortfalls.filter((f) => f.kind === 'reserves')).toHaveLength(2);
  });

  it("reads its words from HMAC-SHA256(seed, 'reviewdesk-draw/1' || counter) as docs/formats.md says (checked with openssl)", () => {
    const stream = new DrawStream('会议宣布 42');
    const words = Array.from({ length: 10 }, () => stream.word());
    const block = (i: number): Buffer => {
      const msg = Buffer.concat([Buffer.from('reviewdesk-draw/1'), Buffer.from(i.toString(16).padStart(16, '0'), 'hex')]);
      const hex = execFileSync(
        'openssl',
        ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${Buffer.from('会议宣布 42').toString('hex')}`],
        { input: msg },
      )
        .toString()
        .trim()
        .split(/\s+/)
        .at(-1) as string;
      return Buffer.from(hex, 'hex');
    };
    const bytes = Buffer.concat([block(0), block(1)]);
    expect(words).toEqual(Array.from({ length: 10 }, (_, i) => bytes.readUInt32BE(i * 4)));
  });
});

/**
 * `reviewdesk round …`: preparing a round from a terminal — create it, import the application list and the
 * expert roster, screen conflicts, record decisions, draw, replay the draw, adjust the assignment, and see who
 * has been issued what. Each returns what to print (JSON and text); main.ts prints it. Everything taken from a
 * file passes through safeLine before it reaches a terminal.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ReviewDeskError } from '../../shared/errors.ts';
import { pick } from '../../shared/i18n-text.ts';
import type { ConflictReason, DrawRecord, Expertise } from '../../shared/round/model.ts';
import type { Stage } from '../../shared/rubric/model.ts';
import type { ScreenResult } from '../../shared/round/screen.ts';
import { safeLine as s } from '../../shared/safe-text.ts';
import type { Identity } from '../keys/identity.ts';
import type { ImportReport } from '../rounds/importing.ts';
import type { RoundHead } from '../rounds/round.ts';
import type { Printed } from './rubric.ts';

/** How a conflict reason reads in the terminal (both languages). */
export const REASON_TEXT: Record<ConflictReason, string> = {
  'same-organisation': '同一单位 / same organisation as the applicant',
  'former-organisation': '曾任职于申报单位 / formerly at the applicant',
  shareholder: '申报单位股东 / a shareholder of the applicant',
  'alliance-member': '联盟成员单位 / an alliance member',
  'excluded-by-applicant': '申报单位申请回避 / the applicant asked to exclude',
  declared: '专家声明的利益关系 / declared by the expert',
};

const EXPERTISE_ZH: Record<Expertise, string> = {
  economics: '经济',
  technology: '技术',
  industry: '产业',
  management: '管理',
  law: '法律',
};

export async function roundInit(
  dir: string,
  o: {
    id: string;
    title: string;
    titleEn?: string;
    stage: string;
    deadline: string;
    perApplication?: string;
    reserves?: string;
    mix?: string;
    rubric?: string[];
  },
): Promise<Printed> {
  const { initRound } = await import('../rounds/prepare.ts');
  const { Stage: StageSchema } = await import('../../shared/rubric/model.ts');
  const stage = StageSchema.safeParse(o.stage);
  if (!stage.success) throw new ReviewDeskError('E_USAGE', { reason: `--stage is selection, annual or periodic, not ${o.stage}` });
  const deadline = new Date(o.deadline);
  if (Number.isNaN(deadline.getTime()))
    throw new ReviewDeskError('E_USAGE', { reason: `--deadline ${o.deadline} is not a date (e.g. 2026-12-20T17:00+08:00)` });
  const rubrics: Partial<Record<'enterprise' | 'non-enterprise', string>> = {};
  for (const r of o.rubric ?? []) {
    const [category, id] = r.split('=');
    if ((category !== 'enterprise' && category !== 'non-enterprise') || !id)
      throw new ReviewDeskError('E_USAGE', { reason: `--rubric is enterprise=<template id> or non-enterprise=<template id>, not ${r}` });
    rubrics[category] = id;
  }
  const head = await initRound(resolve(dir), {
    id: o.id,
    title: { 'zh-CN': o.title, ...(o.titleEn ? { en: o.titleEn } : {}) },
    stage: stage.data as Stage,
    deadline: deadline.toISOString(),
    rubrics,
    panel: {
      ...(o.perApplication ? { perApplication: Number(o.perApplication) } : {}),
      ...(o.reserves ? { reserves: Number(o.reserves) } : {}),
      ...(o.mix ? { mix: parseMix(o.mix) } : {}),
    },
  });
  return {
    json: {
      ok: true,
      dir: head.dir,
      round: head.round.round,
      stage: head.round.stage,
      rubrics: head.round.rubrics,
      panel: head.round.panel,
    },
    text: () =>
      [
        `Round ${s(head.round.round.id)} in ${s(head.dir)}: ${s(pick(head.round.round.title, 'zh-CN'))}`,
        `rubrics / 评分细则: ${head.round.rubrics.map((r) => s(r.id)).join(', ')}`,
        `panel / 专家组: ${head.round.panel?.perApplication} experts per application, ${head.round.panel?.reserves} reserve(s) (defaults the organiser may change)`,
      ].join('\n'),
  };
}

/** `--mix technology=2,industry=1` (or 技术=2,产业=1). */
export function parseMix(text: string): Partial<Record<Expertise, number>> {
  const out: Partial<Record<Expertise, number>> = {};
  const byZh = Object.fromEntries(Object.entries(EXPERTISE_ZH).map(([k, v]) => [v, k])) as Record<string, Expertise>;
  for (const part of text.split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    const type = (k && (k in EXPERTISE_ZH ? (k as Expertise) : byZh[k])) || undefined;
    const n = Number(v);
    if (!type || !Number.isInteger(n) || n < 0)
      throw new ReviewDeskError('E_USAGE', {
        reason: `--mix is type=count,… with types economics, technology, industry, management, law (经济 技术 产业 管理 法律), not ${part}`,
      });
    out[type] = n;
  }
  return out;
}

function importPrinted(what: string, file: string, r: ImportReport): Printed {
  return {
    json: r,
    text: () =>
      [
        `${what} ${s(basename(file))}: ${r.read} row(s) read, ${r.added.length} added, ${r.updated.length} updated${r.applied ? '' : ' — NOTHING IMPORTED'}`,
        ...r.warnings.map((w) => `WARNING ${w.code}: ${s(w.message['zh-CN'])} / ${s(w.message.en)}`),
        ...r.problems.map((p) => `refused ${p.code}: ${s(p.message['zh-CN'])} / ${s(p.message.en)}`),
      ].join('\n'),
  };
}

export async function roundImportApplications(
  dir: string,
  list: string,
  o: { dossiers?: string },
): Promise<{ printed: Printed; ok: boolean }> {
  const { importApplications } = await import('../rounds/importing.ts');
  const r = await importApplications(
    resolve(dir),
    { fileName: basename(list), bytes: await readFile(resolve(list)) },
    o.dossiers ? resolve(o.dossiers) : null,
  );
  return { printed: importPrinted('applications / 申报', list, r), ok: r.applied };
}

export async function roundImportExperts(
  dir: string,
  roster: string,
  o: { cards?: string; acceptChangedCard?: string[] },
): Promise<{ printed: Printed; ok: boolean }> {
  const { importExperts, cardsFromFolder } = await import('../rounds/importing.ts');
  const { statSync } = await import('node:fs');
  const cards = [];
  for (const c of (o.cards ?? '').split(',').filter(Boolean)) {
    const p = resolve(c);
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) cards.push(...(await cardsFromFolder(p)));
    else cards.push({ fileName: basename(p), bytes: await readFile(p) });
  }
  const r = await importExperts(
    resolve(dir),
    { fileName: basename(roster), bytes: await readFile(resolve(roster)) },
    cards,
    o.acceptChangedCard ?? [],
  );
  return { printed: importPrinted('experts / 专家', roster, r), ok: r.applied };
}

function conflictsOf(
  screen: ScreenResult,
): { expertId: string; applicationId: string; reason: string; reasons: ConflictReason[]; decision: string }[] {
  return screen.flagged.map((p) => ({
    expertId: p.expertId,
    applicationId: p.applicationId,
    reason:
      p.findings.map((f) => `${f.reason}: ${f.relationship ? `${f.relationship} ` : ''}${f.detail}`).join('; ') ||
      'confirmed by the secretariat',
    reasons: p.findings.map((f) => f.reason),
    decision: p.decision?.decision ?? 'pending',
  }));
}

function conflictLines(head: RoundHead, screen: ScreenResult): string[] {
  const name = (id: string): string => s(head.round.experts.find((e) => e.id === id)?.name ?? head.cards.get(id)?.displayName ?? id);
  return [
    ...screen.flagged.map((p) => {
      const d = p.decision
        ? p.decision.decision === 'confirmed'
          ? '已确认回避 confirmed'
          : `已排除 overridden: ${s(p.decision.reason)}`
        : '待确认 pending';
      const why = p.findings
        .map((f) => `${REASON_TEXT[f.reason]} (${f.relationship ? `${f.relationship} ` : ''}${s(f.detail)})`)
        .join('; ');
      return `${s(p.expertId)} ${name(p.expertId)} × ${s(p.applicationId)}  [${d}]  ${why}`;
    }),
    ...screen.unmatchedExclusions.map(
      (u) => `note: ${s(u.applicationId)} asks to exclude ${s(u.expert)}, who is not in the pool / 申请回避的专家不在专家库中`,
    ),
  ];
}

export async function roundScreen(dir: string): Promise<Printed> {
  const [{ loadRoundHead }, { screenRound }] = await Promise.all([import('../rounds/round.ts'), import('../rounds/prepare.ts')]);
  const head = await loadRoundHead(resolve(dir));
  const screen = screenRound(head);
  const pending = screen.flagged.filter((p) => !p.decision).length;
  return {
    json: { conflicts: conflictsOf(screen), unmatchedExclusions: screen.unmatchedExclusions },
    text: () =>
      [
        `${screen.flagged.length} flagged pair(s), ${pending} pending / 共 ${screen.flagged.length} 对疑似利益冲突，${pending} 对待确认（未确认的一律不抽取）`,
        ...conflictLines(head, screen),
      ].join('\n'),
  };
}

export async function roundDecide(
  dir: string,
  o: { expert: string; application: string; decision: string; reason: string },
): Promise<Printed> {
  if (o.decision !== 'confirmed' && o.decision !== 'overridden')
    throw new ReviewDeskError('E_USAGE', { reason: '--decision is confirmed (a conflict: never drawn) or overridden (not a conflict)' });
  const { decideConflict } = await import('../rounds/prepare.ts');
  await decideConflict(resolve(dir), { expertId: o.expert, applicationId: o.application, decision: o.decision, reason: o.reason });
  return { json: { ok: true, ...o }, text: () => `Recorded: ${s(o.expert)} × ${s(o.application)} ${o.decision} (${s(o.reason)})` };
}

export async function roundDraw(
  dir: string,
  o: { seed: string; perApplication?: string; reserves?: string; force?: boolean },
  secretariat: Identity | undefined,
): Promise<Printed> {
  const { drawRound } = await import('../rounds/prepare.ts');
  const num = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new ReviewDeskError('E_USAGE', { reason: `${name} is a whole number, not ${v}` });
    return n;
  };
  const perApplication = num(o.perApplication, '--per-application');
  const reserves = num(o.reserves, '--reserves');
  const r = await drawRound(resolve(dir), {
    seed: o.seed,
    ...(perApplication !== undefined ? { perApplication } : {}),
    ...(reserves !== undefined ? { reserves } : {}),
    ...(o.force ? { force: true } : {}),
    ...(secretariat ? { secretariat } : {}),
  });
  const head = r.head;
  return {
    json: {
      ok: true,
      seed: r.record.seed,
      algorithm: r.record.algorithm,
      inputs: r.record.inputs,
      assignments: r.record.assignments,
      reserves: r.record.reservesByApplication,
      shortfalls: r.record.shortfalls,
      conflicts: conflictsOf(r.screen),
      signed: r.signed,
      unchanged: r.unchanged,
    },
    text: () => drawText(head, r.record, r.screen, r.signed, r.unchanged),
  };
}

function drawText(head: RoundHead, record: DrawRecord, screen: ScreenResult, signed: boolean, unchanged: boolean): string {
  const perApp = new Map<string, string[]>();
  for (const [e, apps] of Object.entries(record.assignments)) for (const a of apps) perApp.set(a, [...(perApp.get(a) ?? []), e]);
  return [
    `Draw ${record.algorithm}, seed ${s(JSON.stringify(record.seed))}${unchanged ? ' (same seed and inputs as the recorded draw: same result)' : ''}${signed ? ', signed' : ', not signed yet (pack signs it)'}`,
    ...head.round.applications.map(
      (a) =>
        `${s(a.id)}  ${s(pick(a.name, 'zh-CN'))}: ${(perApp.get(a.id) ?? []).map(s).join(', ')}  reserves / 备选: ${(record.reservesByApplication[a.id] ?? []).map(s).join(', ') || '—'}`,
    ),
    ...record.shortfalls.map(
      (f) =>
        `shortfall / 未满足: ${s(f.applicationId)} ${f.kind}${f.expertise ? ` ${EXPERTISE_ZH[f.expertise]}/${f.expertise}` : ''} wanted ${f.wanted}, got ${f.got}`,
    ),
    `conflicts / 利益冲突: ${screen.flagged.length}`,
    ...conflictLines(head, screen),
  ].join('\n');
}

export async function roundReplay(dir: string): Promise<{ printed: Printed; ok: boolean }> {
  const { replayDraw } = await import('../rounds/prepare.ts');
  const r = await replayDraw(resolve(dir));
  return {
    ok: r.matches,
    printed: {
      json: r,
      text: () =>
        r.matches
          ? `OK  the recorded draw (seed ${s(JSON.stringify(r.seed))}) replays to the same assignment and reserves / 复现结果一致${r.signedBy ? `\nsigned by ${s(r.signedBy)}` : '\n(draw.json is not signed yet)'}`
          : `MISMATCH  replaying seed ${s(JSON.stringify(r.seed))} differs in: ${r.differences.join(', ')} / 复现结果不一致`,
    },
  };
}

export async function roundAssign(dir: string, o: { expert: string; add?: string; remove?: string; reason: string }): Promise<Printed> {
  if (!!o.add === !!o.remove) throw new ReviewDeskError('E_USAGE', { reason: 'give one of --add <application> or --remove <application>' });
  const { adjustAssignment } = await import('../rounds/prepare.ts');
  const applicationId = (o.add ?? o.remove) as string;
  await adjustAssignment(resolve(dir), { action: o.add ? 'add' : 'remove', expertId: o.expert, applicationId, reason: o.reason });
  return {
    json: { ok: true, ...o },
    text: () => `Recorded: ${o.add ? 'added' : 'removed'} ${s(applicationId)} ${o.add ? 'to' : 'from'} ${s(o.expert)} (${s(o.reason)})`,
  };
}

export async function roundStatus(dir: string): Promise<Printed> {
  const { loadRoundHead } = await import('../rounds/round.ts');
  const head = await loadRoundHead(resolve(dir));
  const rows = head.round.experts.map((e) => ({
    expertId: e.id,
    name: e.name ?? head.cards.get(e.id)?.displayName ?? e.id,
    fingerprint: head.cards.get(e.id)?.fingerprint ?? '',
    assigned: head.round.assignments[e.id] ?? [],
    issued: head.round.issued?.[e.id] ?? null,
  }));
  return {
    json: { round: head.round.round, experts: rows, applications: head.round.applications.length },
    text: () =>
      rows
        .map(
          (r) =>
            `${s(r.expertId)}  ${s(r.name)}  ${r.fingerprint}  assigned ${r.assigned.map(s).join(',') || '—'}  ${r.issued ? `issued ${r.issued.packageId.slice(0, 8)} ${r.issued.at}` : 'not issued'}`,
        )
        .join('\n'),
  };
}

/**
 * Brings a secretary's lists into the round folder: the application list with a folder of dossiers, and the
 * expert roster with the experts' public cards. Each import checks everything first and reports what it read,
 * what it refused and why; when anything is refused it changes nothing (no round.json write, no file copied).
 * A row matching an application or expert already in the round (same id, or same applicant and name / same
 * name and organisation) updates it; others are added under the next free id (A001…, E01…).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { FileName, type RoundFile } from '../../shared/formats.ts';
import { organisationMatchKey, personKey } from '../../shared/round/screen.ts';
import { parseJson } from '../formats/json.ts';
import { checkCard } from '../keys/card.ts';
import { readApplicationList, readExpertRoster, type ImportProblem } from './import-list.ts';
import { writeRound } from './prepare.ts';
import { loadRoundHead } from './round.ts';

export interface ImportReport {
  /** Rows read from the list. */
  read: number;
  added: string[];
  updated: string[];
  /** Everything refused; when not empty, nothing was changed. */
  problems: ImportProblem[];
  /** Loud warnings that did not stop the import (or, for changed cards, stopped it until accepted). */
  warnings: ImportProblem[];
  applied: boolean;
}

const problem = (row: number, code: string, zh: string, en: string, column?: string): ImportProblem => ({
  row,
  code,
  message: { 'zh-CN': zh, en },
  ...(column ? { column } : {}),
});

const text = (zh: string, en?: string): RoundFile['applications'][number]['name'] =>
  en ? { 'zh-CN': zh, en } : { 'zh-CN': zh, zhOnly: true as const };

function nextId(prefix: string, width: number, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const id = `${prefix}${String(i).padStart(width, '0')}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The regular files of a folder with names a package can carry, sorted; problems for the rest. */
async function dossierFiles(folder: string): Promise<{ files: string[]; bad: string[] }> {
  const names = (await readdir(folder)).sort();
  const files: string[] = [];
  const bad: string[] = [];
  for (const n of names) {
    if (n.startsWith('.')) continue;
    const st = await lstat(join(folder, n));
    if (st.isFile() && FileName.safeParse(n).success) files.push(n);
    else bad.push(n);
  }
  return { files, bad };
}

/** Imports the application list (XLSX or CSV) and, from `dossiersDir`, each application's folder of files. */
export async function importApplications(
  dir: string,
  list: { fileName: string; bytes: Uint8Array },
  dossiersDir: string | null,
): Promise<ImportReport> {
  const head = await loadRoundHead(dir);
  const { rows, problems } = await readApplicationList(list.bytes, list.fileName);
  const report: ImportReport = { read: rows.length, added: [], updated: [], problems: [...problems], warnings: [], applied: false };
  const taken = new Set(head.round.applications.map((a) => a.id));
  const byKey = new Map(
    head.round.applications.map((a) => [`${organisationMatchKey(a.organisation['zh-CN'])}\u0000${a.name['zh-CN']}`, a]),
  );
  const apps = new Map(head.round.applications.map((a) => [a.id, a]));
  const staged: { id: string; from: string; files: string[] }[] = [];
  const folders = dossiersDir ? new Set((await readdir(dossiersDir).catch(() => [] as string[])).filter((n) => !n.startsWith('.'))) : null;
  if (dossiersDir && folders?.size === 0)
    report.problems.push(
      problem(
        0,
        'E_LIST_DOSSIER',
        `材料目录 ${basename(dossiersDir)} 为空或无法读取。`,
        `The dossier folder ${basename(dossiersDir)} is empty or cannot be read.`,
      ),
    );

  for (const r of rows) {
    const existing = (r.id ? apps.get(r.id) : undefined) ?? byKey.get(`${organisationMatchKey(r.organisation)}\u0000${r.name}`);
    const id = existing?.id ?? r.id ?? nextId('A', 3, taken);
    if (r.id) taken.add(r.id);
    const rubric = head.round.rubrics.map((x) => head.rubrics.get(x.id)?.rubric).find((x) => x?.appliesTo.includes(r.category));
    if (!rubric) {
      report.problems.push(
        problem(
          r.row,
          'E_LIST_RUBRIC',
          `第 ${r.row} 行：本批次没有适用于「${r.category === 'enterprise' ? '企业法人型' : '非企业法人型'}」的评分细则。`,
          `Row ${r.row}: the round has no rubric for the ${r.category} type.`,
        ),
      );
      continue;
    }
    let dossier = existing?.dossier ?? `dossiers/${id}`;
    if (dossiersDir && folders) {
      const candidates = [r.dossier, id, r.organisation, r.name].filter((x): x is string => !!x);
      const folder = candidates.find((c) => folders.has(c));
      if (!folder) {
        if (!existing)
          report.problems.push(
            problem(
              r.row,
              'E_LIST_DOSSIER',
              `第 ${r.row} 行（${r.organisation}）：材料目录中没有名为「${candidates.join('」或「')}」的子目录。`,
              `Row ${r.row} (${r.organisation}): the dossier folder has no subfolder named "${candidates.join('" or "')}".`,
            ),
          );
      } else {
        const { files, bad } = await dossierFiles(join(dossiersDir, folder));
        if (files.length === 0)
          report.problems.push(
            problem(
              r.row,
              'E_LIST_DOSSIER',
              `第 ${r.row} 行：子目录「${folder}」中没有文件。`,
              `Row ${r.row}: subfolder "${folder}" holds no file.`,
            ),
          );
        for (const b of bad)
          report.problems.push(
            problem(
              r.row,
              'E_LIST_DOSSIER',
              `第 ${r.row} 行：「${folder}/${b}」不是普通文件或文件名不可用。`,
              `Row ${r.row}: "${folder}/${b}" is not a regular file or has an unusable name.`,
            ),
          );
        staged.push({ id, from: join(dossiersDir, folder), files });
        dossier = `dossiers/${id}`;
      }
    } else if (!existing) {
      report.problems.push(
        problem(
          r.row,
          'E_LIST_DOSSIER',
          `第 ${r.row} 行：新申报需要申报材料目录。`,
          `Row ${r.row}: a new application needs its dossier folder.`,
        ),
      );
    }
    apps.set(id, {
      ...(existing ?? {}),
      id,
      name: text(r.name, r.nameEn),
      organisation: text(r.organisation, r.organisationEn),
      category: r.category,
      ...(r.field ? { field: text(r.field) } : {}),
      rubricId: rubric.id,
      dossier,
      shareholders: r.shareholders,
      allianceMembers: r.allianceMembers,
      excludedExperts: r.excludedExperts.map((x) => ({ name: x.name, reason: x.reason })),
      ...(r.contact ? { contact: r.contact } : {}),
    });
    (existing ? report.updated : report.added).push(id);
  }
  if (report.problems.length > 0) return report;

  // Copy into a staging folder first; only a round.json that loads makes them the application's dossiers.
  const stage = join(dir, 'dossiers', `.import-${randomBytes(4).toString('hex')}`);
  const moved: { id: string; backup: string | null }[] = [];
  try {
    for (const s of staged) {
      await mkdir(join(stage, s.id), { recursive: true });
      for (const f of s.files) await copyFile(join(s.from, f), join(stage, s.id, f));
    }
    for (const s of staged) {
      const target = join(dir, 'dossiers', s.id);
      let backup: string | null = null;
      if (existsSync(target)) {
        backup = join(stage, `${s.id}.previous`);
        await rename(target, backup);
      }
      await rename(join(stage, s.id), target);
      moved.push({ id: s.id, backup });
    }
    await writeRound(dir, { ...head.round, applications: [...apps.values()] });
  } catch (e) {
    for (const m of moved.reverse()) {
      const target = join(dir, 'dossiers', m.id);
      await rm(target, { recursive: true, force: true });
      if (m.backup) await rename(m.backup, target);
    }
    throw e;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  report.applied = true;
  return report;
}

export interface CardFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Reads every `*.json` card of a folder. */
export async function cardsFromFolder(folder: string): Promise<CardFile[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (fileName) => ({ fileName, bytes: await readFile(join(folder, fileName)) })));
}

/**
 * Imports the expert roster with the experts' cards. A card whose fingerprint differs from the one the round
 * holds for the same expert is refused (E_CARD_CHANGED) unless that expert's id is in `acceptChangedCards`:
 * a swapped card would let someone else read that expert's package.
 */
export async function importExperts(
  dir: string,
  roster: { fileName: string; bytes: Uint8Array },
  cardFiles: CardFile[],
  acceptChangedCards: readonly string[] = [],
): Promise<ImportReport & { changedCards: { expertId: string; old: string; new: string }[] }> {
  const head = await loadRoundHead(dir);
  const { rows, problems } = await readExpertRoster(roster.bytes, roster.fileName);
  const report = {
    read: rows.length,
    added: [] as string[],
    updated: [] as string[],
    problems: [...problems],
    warnings: [] as ImportProblem[],
    applied: false,
    changedCards: [] as { expertId: string; old: string; new: string }[],
  };
  const cards: { fileName: string; card: Card; bytes: Uint8Array }[] = [];
  for (const f of cardFiles) {
    try {
      cards.push({
        fileName: f.fileName,
        card: checkCard(parseJson(Buffer.from(f.bytes).toString('utf8'), f.fileName), f.fileName),
        bytes: f.bytes,
      });
    } catch (e) {
      const reason = e instanceof ReviewDeskError ? e.message : String(e);
      report.problems.push(
        problem(0, 'E_LIST_CARD', `公钥卡片 ${f.fileName} 无效：${reason}`, `Card ${f.fileName} is not valid: ${reason}`),
      );
    }
  }
  const taken = new Set(head.round.experts.map((e) => e.id));
  const experts = new Map(head.round.experts.map((e) => [e.id, e]));
  const usedCards = new Set<string>();
  const writes: { id: string; bytes: Uint8Array }[] = [];
  for (const r of rows) {
    const card =
      (r.card ? cards.find((c) => c.fileName === r.card || c.fileName === `${r.card}.json`) : undefined) ??
      (r.id ? cards.find((c) => c.fileName === `${r.id}.json`) : undefined) ??
      (() => {
        const same = cards.filter((c) => personKey(c.card.displayName) === personKey(r.name));
        return same.length === 1 ? same[0] : undefined;
      })();
    if (!card) {
      report.problems.push(
        problem(
          r.row,
          'E_LIST_NO_CARD',
          `第 ${r.row} 行（${r.name}）：找不到此专家的公钥卡片（card.json）。请在「公钥卡片」列写明文件名，或导入其本人导出的卡片。`,
          `Row ${r.row} (${r.name}): no public card (card.json) found for this expert. Name its file in the card column, or add the card the expert exported.`,
        ),
      );
      continue;
    }
    if (card.card.role !== 'expert') {
      report.problems.push(
        problem(
          r.row,
          'E_LIST_CARD',
          `第 ${r.row} 行：${card.fileName} 不是专家卡片。`,
          `Row ${r.row}: ${card.fileName} is not an expert's card.`,
        ),
      );
      continue;
    }
    if (usedCards.has(card.card.fingerprint)) {
      report.problems.push(
        problem(
          r.row,
          'E_LIST_DUPLICATE',
          `第 ${r.row} 行：卡片 ${card.fileName} 已用于另一行。`,
          `Row ${r.row}: card ${card.fileName} is already used by another row.`,
        ),
      );
      continue;
    }
    usedCards.add(card.card.fingerprint);
    const known =
      (r.id ? experts.get(r.id) : undefined) ??
      [...experts.values()].find((e) => head.cards.get(e.id)?.fingerprint === card.card.fingerprint) ??
      [...experts.values()].find(
        (e) =>
          personKey(e.name ?? head.cards.get(e.id)?.displayName ?? '') === personKey(r.name) &&
          organisationMatchKey(e.organisation ?? head.cards.get(e.id)?.organisation ?? '') === organisationMatchKey(r.organisation),
      );
    const id = known?.id ?? r.id ?? nextId('E', 2, taken);
    if (r.id) taken.add(r.id);
    const before = known ? head.cards.get(known.id) : undefined;
    if (before && before.fingerprint !== card.card.fingerprint) {
      report.changedCards.push({ expertId: id, old: before.fingerprint, new: card.card.fingerprint });
      const w = problem(
        r.row,
        'E_CARD_CHANGED',
        `第 ${r.row} 行：专家 ${id}（${r.name}）的公钥卡片已变更，原指纹 ${before.fingerprint}，新指纹 ${card.card.fingerprint}。请电话与本人核对新指纹后再确认导入。`,
        `Row ${r.row}: expert ${id} (${r.name}) has a new card: fingerprint ${before.fingerprint} before, ${card.card.fingerprint} now. Confirm the new fingerprint with the expert by phone before accepting it.`,
      );
      w.subject = id;
      if (acceptChangedCards.includes(id)) report.warnings.push(w);
      else report.problems.push(w);
    }
    writes.push({ id, bytes: card.bytes });
    experts.set(id, {
      id,
      card: `cards/${id}.json`,
      name: r.name,
      organisation: r.organisation,
      formerOrganisations: r.formerOrganisations,
      fields: r.fields,
      expertise: r.expertise,
      available: r.available,
      relationships: r.relationships,
    });
    (known ? report.updated : report.added).push(id);
  }
  if (report.problems.length > 0) return report;

  await mkdir(join(dir, 'cards'), { recursive: true });
  const previous = new Map<string, Buffer | null>();
  try {
    for (const w of writes) {
      const path = join(dir, 'cards', `${w.id}.json`);
      previous.set(path, existsSync(path) ? await readFile(path) : null);
      await writeFile(path, w.bytes);
    }
    await writeRound(dir, { ...head.round, experts: [...experts.values()] });
  } catch (e) {
    for (const [path, bytes] of previous) {
      if (bytes) await writeFile(path, bytes);
      else await rm(path, { force: true });
    }
    throw e;
  }
  report.applied = true;
  return report;
}

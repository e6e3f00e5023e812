/** Reads and checks a secretariat's round folder (`round.json` and what it names). */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Card } from '../../shared/card.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { FileName, ROUND_SCHEMA_VERSION, RoundFile, type ManifestFile } from '../../shared/formats.ts';
import { indicatorProblem } from '../../shared/review/indicators.ts';
import { Rubric, RUBRIC_SCHEMA_VERSION } from '../../shared/rubric/model.ts';
import { upgradeRubric } from '../../shared/rubric/upgrade.ts';
import { parseStrict } from '../formats/json.ts';
import { mediaTypeOf } from '../formats/media.ts';
import { readCard } from '../keys/card.ts';
import { sha256FileBeside } from '../crypto/hash.ts';

export interface DossierFile extends ManifestFile {
  /** Where the file is on disk. */
  source: string;
}

export interface LoadedRound {
  dir: string;
  round: RoundFile;
  /** The round's rubrics by id, in round.json's order, each with its file's bytes as read. */
  rubrics: Map<string, { rubric: Rubric; bytes: Buffer }>;
  cards: Map<string, Card>;
  /** applicationId → its dossier files, hashed. */
  dossiers: Map<string, DossierFile[]>;
}

const bad = (reason: string): ReviewDeskError => new ReviewDeskError('E_ROUND', { reason });

/** Resolves a path named in round.json, refusing anything outside the round folder. */
function inside(dir: string, rel: string): string {
  const p = resolve(dir, rel);
  if (p !== resolve(dir) && !p.startsWith(resolve(dir) + sep)) throw bad(`${rel} points outside the round folder`);
  return p;
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw bad(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** A round folder without its dossiers: what a merge (round id, rubric) or a roster (cards) needs. */
export type RoundHead = Omit<LoadedRound, 'dossiers'>;

/**
 * Loads round.json, the rubric and the expert cards, checked as loadRound checks them, and reads no
 * dossier (hashing those is most of loadRound's time: a round's PDFs run to gigabytes).
 */
export async function loadRoundHead(dir: string): Promise<RoundHead> {
  const round = parseStrict(await readBytes(join(dir, 'round.json')), RoundFile, 'round.json', {
    maxBytes: 16 << 20,
    schemaVersion: ROUND_SCHEMA_VERSION,
    older: 'E_ROUND_OLD',
  });
  const rubrics = new Map<string, { rubric: Rubric; bytes: Buffer }>();
  for (const ref of round.rubrics) {
    if (rubrics.has(ref.id)) throw bad(`rubric ${ref.id} is listed twice`);
    const bytes = await readBytes(inside(dir, ref.path));
    const rubric = parseStrict(bytes, Rubric, ref.path, {
      maxBytes: 2 << 20,
      schemaVersion: RUBRIC_SCHEMA_VERSION,
      upgrade: upgradeRubric,
    });
    if (rubric.id !== ref.id) throw bad(`${ref.path} holds rubric ${rubric.id}, not ${ref.id}`);
    rubrics.set(ref.id, { rubric, bytes });
  }

  const cards = new Map<string, Card>();
  const fingerprints = new Set<string>();
  for (const e of round.experts) {
    if (cards.has(e.id)) throw bad(`expert ${e.id} is listed twice`);
    const card = await readCard(inside(dir, e.card));
    if (fingerprints.has(card.fingerprint)) throw bad(`expert ${e.id} has the same card as another expert`);
    fingerprints.add(card.fingerprint);
    cards.set(e.id, card);
  }
  checkRound(round, rubrics, cards);
  return { dir, round, rubrics, cards };
}

/**
 * The checks of a round against its rubrics and cards (ids listed once, each application's rubric applies to its
 * category, indicators, assignments naming known ids), without reading anything: `writeRound` runs them on a
 * changed round.json whose cards and rubrics are the ones already loaded.
 */
export function checkRound(round: RoundFile, rubrics: RoundHead['rubrics'], cards: RoundHead['cards']): void {
  const appIds = new Set<string>();
  for (const a of round.applications) {
    if (appIds.has(a.id)) throw bad(`application ${a.id} is listed twice`);
    appIds.add(a.id);
    const r = rubrics.get(a.rubricId)?.rubric;
    if (!r) throw bad(`application ${a.id} names rubric ${a.rubricId}, which rubrics does not list`);
    if (!r.appliesTo.includes(a.category)) {
      throw new ReviewDeskError('E_RUBRIC_CATEGORY', {
        application: a.id,
        category: a.category,
        rubric: r.id,
        appliesTo: r.appliesTo.join(', '),
      });
    }
    const problem = a.indicators && indicatorProblem(r, a.indicators);
    if (problem) throw bad(`application ${a.id}: ${problem}`);
  }
  for (const [expertId, apps] of Object.entries(round.assignments)) {
    if (!cards.has(expertId)) throw bad(`assignments name unknown expert ${expertId}`);
    for (const a of apps) if (!appIds.has(a)) throw bad(`assignments of ${expertId} name unknown application ${a}`);
    if (new Set(apps).size !== apps.length) throw bad(`assignments of ${expertId} repeat an application`);
  }
  // A rubric no application uses yet is allowed (a new round names one per category before any is imported);
  // packages and the ledger carry only the rubrics in use.
}

/** Dossier files hashed at once by {@link loadRound}. */
const HASHING_AT_ONCE = 4;

/** Loads a round folder: schema, rubric, cards, and every dossier file hashed once. */
export async function loadRound(dir: string): Promise<LoadedRound> {
  const head = await loadRoundHead(dir);
  const { round } = head;
  const dossiers = new Map<string, DossierFile[]>();
  for (const a of round.applications) {
    const folder = inside(dir, a.dossier);
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch {
      throw bad(`dossier folder ${a.dossier} of ${a.id} cannot be read`);
    }
    const files: DossierFile[] = [];
    for (const name of names) {
      const source = join(folder, name);
      const st = await lstat(source);
      if (!st.isFile()) throw bad(`${a.dossier}/${name} is not a regular file`);
      if (!FileName.safeParse(name).success) throw bad(`${a.dossier}/${name} has an unusable file name`);
      files.push({ path: `dossiers/${a.id}/${name}`, size: st.size, mediaType: mediaTypeOf(name), sha256: '', source });
    }
    dossiers.set(a.id, files);
  }
  // Hashed a few files at a time, on a worker thread beside the reads (crypto/hash.ts).
  const all = [...dossiers.values()].flat();
  let next = 0;
  const hashing = async (): Promise<void> => {
    for (let f = all[next++]; f; f = all[next++]) f.sha256 = await sha256FileBeside(f.source);
  };
  await Promise.all(Array.from({ length: Math.min(HASHING_AT_ONCE, all.length) }, hashing));
  return { ...head, dossiers };
}

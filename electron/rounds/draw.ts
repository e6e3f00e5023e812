/**
 * The draw (随机抽取): which experts review which applications, from the unconflicted pool, by field and
 * expertise mix, balancing load, with reserves — deterministic from a seed the secretariat records beforehand,
 * so anyone with the round folder and the seed replays it (`reviewdesk round replay`). Algorithm
 * `reviewdesk-draw/1`, specified in docs/formats.md ("The draw") well enough to reimplement:
 *
 * - **Stream.** Block i (i = 0, 1, …) is HMAC-SHA256(key = UTF-8 of the seed, message = UTF-8
 *   "reviewdesk-draw/1" followed by i as an 8-byte big-endian integer). Words are read from the blocks in order,
 *   4 bytes each, big-endian. `uniform(n)` reads words until one is below 2^32 − (2^32 mod n) and returns it mod n.
 * - **Order.** Experts (those not marked unavailable) and applications are ordered by id, by code point. Each
 *   expert in that order takes one word as its tie-break. The applications are then shuffled by Fisher–Yates
 *   (i from the last index down to 1, j = uniform(i + 1), swap) and drawn in the shuffled order.
 * - **Rank.** For an application, each unblocked expert ranks by, in turn: whether its load has reached the cap
 *   (⌈N × applications ÷ experts⌉; below first), whether one of its fields matches the application's field
 *   (matching first), its load (lower first), its tie-break word (lower first), its id.
 * - **Slots.** For each expertise type in the order economics, technology, industry, management, law with a
 *   wanted count m in the mix, the best-ranked experts of that type not yet chosen are chosen until m of the
 *   chosen have the type or N are chosen. The rest of the N slots go to the best-ranked of the others. Each
 *   chosen expert's load rises by one.
 * - **Reserves.** The best of the remaining experts, ranked by reserve load (lower first) and then as above, are
 *   the application's reserves, in calling order; each one's reserve load rises by one.
 *
 * A missing expertise, field or reserve is a shortfall, reported, never a failure. An application with fewer than
 * N unblocked experts fails the whole draw with E_DRAW_TOO_FEW, naming every such application.
 */
import { createHmac } from 'node:crypto';
import { EXPERTISE, DRAW_ALGORITHM, type Expertise, type Shortfall } from '../../shared/round/model.ts';
import { byCodePoint } from '../../shared/round/screen.ts';
import { ReviewDeskError } from '../../shared/errors.ts';

export interface DrawExpert {
  id: string;
  fields: string[];
  expertise: Expertise[];
}

export interface DrawApplication {
  id: string;
  /** The application's field, in every language it is written in. */
  field: string[];
}

export interface DrawInput {
  seed: string;
  experts: DrawExpert[];
  applications: DrawApplication[];
  /** pairKey(expertId, applicationId) of every pair that must not be drawn. */
  blocked: ReadonlySet<string>;
  perApplication: number;
  reserves: number;
  mix: Partial<Record<Expertise, number>>;
}

export interface DrawOutput {
  assignments: Record<string, string[]>;
  reservesByApplication: Record<string, string[]>;
  shortfalls: Shortfall[];
}

/** The keyed word stream of algorithm reviewdesk-draw/1. */
export class DrawStream {
  private block = Buffer.alloc(0);
  private offset = 0;
  private counter = 0n;
  constructor(private readonly seed: string) {}

  word(): number {
    if (this.offset >= this.block.length) {
      const msg = Buffer.alloc(DRAW_ALGORITHM.length + 8);
      msg.write(DRAW_ALGORITHM, 0, 'utf8');
      msg.writeBigUInt64BE(this.counter++, DRAW_ALGORITHM.length);
      this.block = createHmac('sha256', Buffer.from(this.seed, 'utf8')).update(msg).digest();
      this.offset = 0;
    }
    const w = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return w;
  }

  /** A uniform integer in [0, n), by rejection. */
  uniform(n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`uniform(${n})`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const w = this.word();
      if (w < limit) return w % n;
    }
  }
}

/** How a field is compared: NFKC, no whitespace, lower case. */
const fieldKey = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

function fieldMatches(expertFields: readonly string[], appFields: readonly string[]): boolean {
  if (appFields.length === 0) return false;
  return expertFields.some((f) => appFields.some((w) => w === f || w.includes(f) || f.includes(w)));
}

/** Loads up to 2^19 − 1 in a rank bucket's number (no round comes near). */
const LOAD_BITS = 2 ** 19;

export function draw(input: DrawInput): DrawOutput {
  const N = input.perApplication;
  const experts = [...input.experts].sort((a, b) => byCodePoint(a.id, b.id));
  const apps = [...input.applications].sort((a, b) => byCodePoint(a.id, b.id));
  const blockedBy = new Map<string, Set<string>>();
  for (const k of input.blocked) {
    const [e, a] = k.split('\u0000') as [string, string];
    const set = blockedBy.get(a) ?? new Set<string>();
    set.add(e);
    blockedBy.set(a, set);
  }
  const none = new Set<string>();
  const blockedFor = (appId: string): Set<string> => blockedBy.get(appId) ?? none;

  const tooFew = apps.map((a) => ({ id: a.id, n: experts.filter((e) => !blockedFor(a.id).has(e.id)).length })).filter((x) => x.n < N);
  if (tooFew.length > 0) {
    throw new ReviewDeskError('E_DRAW_TOO_FEW', {
      applications: tooFew.map((x) => `${x.id} (${x.n})`).join(', '),
      n: N,
    });
  }

  const stream = new DrawStream(input.seed);
  const count = experts.length;
  const tie = new Float64Array(count);
  for (let i = 0; i < count; i++) tie[i] = stream.word();
  const order = [...apps];
  for (let i = order.length - 1; i >= 1; i--) {
    const j = stream.uniform(i + 1);
    [order[i], order[j]] = [order[j] as DrawApplication, order[i] as DrawApplication];
  }

  const expertFields = experts.map((e) => e.fields.map(fieldKey).filter(Boolean));
  const cap = count ? Math.ceil((N * apps.length) / count) : 0;
  const load = new Float64Array(count);
  const reserveLoad = new Float64Array(count);
  const assignments: Record<string, string[]> = {};
  const reservesByApplication: Record<string, string[]> = {};
  const shortfalls: Shortfall[] = [];

  // Experts by (tie-break word, id) once; each application's rank is then a stable bucket sort of this order by
  // (load ≥ cap, no field match, load): the same order as sorting by the whole key, in linear time.
  const byTie = Array.from({ length: count }, (_, i) => i).sort((a, b) => (tie[a] ?? 0) - (tie[b] ?? 0) || a - b);

  for (const app of order) {
    const appFields = app.field.map(fieldKey).filter(Boolean);
    const blocked = blockedFor(app.id);
    const matches = new Uint8Array(count);
    const buckets = new Map<number, number[]>();
    for (const i of byTie) {
      if (blocked.has((experts[i] as DrawExpert).id)) continue;
      const l = load[i] ?? 0;
      matches[i] = fieldMatches(expertFields[i] ?? [], appFields) ? 1 : 0;
      const k = ((l >= cap ? 2 : 0) + (matches[i] ? 0 : 1)) * LOAD_BITS + Math.min(l, LOAD_BITS - 1);
      const bucket = buckets.get(k);
      if (bucket) bucket.push(i);
      else buckets.set(k, [i]);
    }
    const ranked = [...buckets.keys()].sort((a, b) => a - b).flatMap((k) => buckets.get(k) ?? []);
    const chosen: number[] = [];
    const isChosen = new Uint8Array(count);
    const has = (i: number, type: Expertise): boolean => (experts[i] as DrawExpert).expertise.includes(type);
    for (const type of EXPERTISE) {
      const m = input.mix[type] ?? 0;
      if (m <= 0) continue;
      let got = chosen.filter((i) => has(i, type)).length;
      for (const i of ranked) {
        if (got >= m || chosen.length >= N) break;
        if (!isChosen[i] && has(i, type)) {
          chosen.push(i);
          isChosen[i] = 1;
          got++;
        }
      }
      if (got < m) shortfalls.push({ applicationId: app.id, kind: 'expertise', expertise: type, wanted: m, got });
    }
    for (const i of ranked) {
      if (chosen.length >= N) break;
      if (!isChosen[i]) {
        chosen.push(i);
        isChosen[i] = 1;
      }
    }
    if (appFields.length > 0 && !chosen.some((i) => matches[i]))
      shortfalls.push({ applicationId: app.id, kind: 'field', wanted: 1, got: 0 });
    for (const i of chosen) {
      load[i] = (load[i] ?? 0) + 1;
      (assignments[(experts[i] as DrawExpert).id] ??= []).push(app.id);
    }
    // The others by reserve load, in rank order within each load (a stable bucket sort), the first ones called.
    const byReserveLoad = new Map<number, number[]>();
    for (const i of ranked) {
      if (isChosen[i]) continue;
      const r = reserveLoad[i] ?? 0;
      const bucket = byReserveLoad.get(r);
      if (bucket) bucket.push(i);
      else byReserveLoad.set(r, [i]);
    }
    const reserves = [...byReserveLoad.keys()]
      .sort((a, b) => a - b)
      .flatMap((r) => byReserveLoad.get(r) ?? [])
      .slice(0, input.reserves);
    for (const i of reserves) reserveLoad[i] = (reserveLoad[i] ?? 0) + 1;
    reservesByApplication[app.id] = reserves.map((i) => (experts[i] as DrawExpert).id);
    if (reserves.length < input.reserves)
      shortfalls.push({ applicationId: app.id, kind: 'reserves', wanted: input.reserves, got: reserves.length });
  }

  const sortedAssignments: Record<string, string[]> = {};
  for (const id of Object.keys(assignments).sort(byCodePoint)) sortedAssignments[id] = [...(assignments[id] ?? [])].sort(byCodePoint);
  const sortedReserves: Record<string, string[]> = {};
  for (const id of Object.keys(reservesByApplication).sort(byCodePoint)) sortedReserves[id] = reservesByApplication[id] ?? [];
  shortfalls.sort((a, b) => byCodePoint(a.applicationId, b.applicationId) || byCodePoint(a.kind, b.kind));
  return { assignments: sortedAssignments, reservesByApplication: sortedReserves, shortfalls };
}

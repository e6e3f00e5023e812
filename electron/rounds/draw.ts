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
import { byCodePoint, pairKey } from '../../shared/round/screen.ts';
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

function fieldMatches(expert: DrawExpert, app: DrawApplication): boolean {
  const want = app.field.map(fieldKey).filter(Boolean);
  if (want.length === 0) return false;
  return expert.fields.map(fieldKey).some((f) => f && want.some((w) => w === f || w.includes(f) || f.includes(w)));
}

export function draw(input: DrawInput): DrawOutput {
  const N = input.perApplication;
  const experts = [...input.experts].sort((a, b) => byCodePoint(a.id, b.id));
  const apps = [...input.applications].sort((a, b) => byCodePoint(a.id, b.id));

  const tooFew = apps
    .map((a) => ({ id: a.id, n: experts.filter((e) => !input.blocked.has(pairKey(e.id, a.id))).length }))
    .filter((x) => x.n < N);
  if (tooFew.length > 0) {
    throw new ReviewDeskError('E_DRAW_TOO_FEW', {
      applications: tooFew.map((x) => `${x.id} (${x.n})`).join(', '),
      n: N,
    });
  }

  const stream = new DrawStream(input.seed);
  const tie = new Map(experts.map((e) => [e.id, stream.word()]));
  const order = [...apps];
  for (let i = order.length - 1; i >= 1; i--) {
    const j = stream.uniform(i + 1);
    [order[i], order[j]] = [order[j] as DrawApplication, order[i] as DrawApplication];
  }

  const cap = experts.length ? Math.ceil((N * apps.length) / experts.length) : 0;
  const load = new Map(experts.map((e) => [e.id, 0]));
  const reserveLoad = new Map(experts.map((e) => [e.id, 0]));
  const assignments: Record<string, string[]> = {};
  const reservesByApplication: Record<string, string[]> = {};
  const shortfalls: Shortfall[] = [];
  const num = (m: Map<string, number>, id: string): number => m.get(id) ?? 0;

  for (const app of order) {
    const key = new Map<string, [number, number, number, number]>();
    const candidates = experts.filter((e) => !input.blocked.has(pairKey(e.id, app.id)));
    for (const e of candidates) {
      const l = num(load, e.id);
      key.set(e.id, [l >= cap ? 1 : 0, fieldMatches(e, app) ? 0 : 1, l, tie.get(e.id) ?? 0]);
    }
    const cmp = (a: DrawExpert, b: DrawExpert): number => {
      const ka = key.get(a.id) ?? [0, 0, 0, 0];
      const kb = key.get(b.id) ?? [0, 0, 0, 0];
      for (let i = 0; i < 4; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) - (kb[i] ?? 0);
      return byCodePoint(a.id, b.id);
    };
    const ranked = [...candidates].sort(cmp);
    const chosen: DrawExpert[] = [];
    for (const type of EXPERTISE) {
      const m = input.mix[type] ?? 0;
      if (m <= 0) continue;
      let have = chosen.filter((e) => e.expertise.includes(type)).length;
      for (const e of ranked) {
        if (have >= m || chosen.length >= N) break;
        if (!chosen.includes(e) && e.expertise.includes(type)) {
          chosen.push(e);
          have++;
        }
      }
      if (have < m) shortfalls.push({ applicationId: app.id, kind: 'expertise', expertise: type, wanted: m, got: have });
    }
    for (const e of ranked) {
      if (chosen.length >= N) break;
      if (!chosen.includes(e)) chosen.push(e);
    }
    if (app.field.length > 0 && !chosen.some((e) => fieldMatches(e, app)))
      shortfalls.push({ applicationId: app.id, kind: 'field', wanted: 1, got: 0 });
    for (const e of chosen) {
      load.set(e.id, num(load, e.id) + 1);
      (assignments[e.id] ??= []).push(app.id);
    }
    const rest = ranked.filter((e) => !chosen.includes(e));
    rest.sort((a, b) => num(reserveLoad, a.id) - num(reserveLoad, b.id) || cmp(a, b));
    const reserves = rest.slice(0, input.reserves);
    for (const e of reserves) reserveLoad.set(e.id, num(reserveLoad, e.id) + 1);
    reservesByApplication[app.id] = reserves.map((e) => e.id);
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

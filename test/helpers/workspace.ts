/**
 * Fixtures for the workspace tests: hosts with or without a real keychain,
 * and review packages built by the project's own demo generator and packer
 * for whatever card the workspace identity has.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Card } from '../../shared/card.ts';
import type { EventName, EventPayload, PackageSummary } from '../../shared/ipc/contract.ts';
import type { Workspace } from '../../electron/workspace/open.ts';
import { generateDemo, type DemoSummary } from '../../electron/demo/generate.ts';
import { noKeychain, type Host, type SecretStore } from '../../electron/workspace/host.ts';
import { createIdentity, loadIdentity, type Identity } from '../../electron/keys/identity.ts';
import { writePackage, type PackResult } from '../../electron/packages/pack.ts';
import { loadRound } from '../../electron/rounds/round.ts';

export interface TestHost extends Host {
  events: { event: EventName; payload: unknown }[];
  printed: string[];
}

/**
 * A keychain like Electron's safeStorage: AES-256-GCM under a key that only
 * this "operating system" (the host object) holds.
 */
export function realKeychain(): SecretStore {
  const key = randomBytes(32);
  return {
    available: true,
    backend: 'test-aes-gcm',
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

export function testHost(opts: { secrets?: SecretStore; print?: boolean } = {}): TestHost {
  const host: TestHost = {
    secrets: opts.secrets ?? noKeychain('basic_text'),
    appVersion: '0.1.0-test',
    events: [],
    printed: [],
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      host.events.push({ event, payload });
    },
  };
  if (opts.print) {
    host.printToPdf = async (route: string) => {
      host.printed.push(route);
      return Buffer.from(`%PDF-1.7 test rendering of ${route}\n%%EOF\n`);
    };
  }
  return host;
}

export interface RoundFixture {
  dir: string;
  demo: DemoSummary;
  secretariat: Identity;
}

/** A demo round (2 experts, 2 applications) with real PDF dossiers; `annual`: the annual evaluation of two centres. */
export async function demoRound(dir: string, applications = 2, stage: 'selection' | 'annual' = 'selection'): Promise<RoundFixture> {
  const demo = await generateDemo({ out: dir, experts: 2, applications, stage });
  return { dir, demo, secretariat: await loadIdentity(join(dir, 'secretariat')) };
}

/**
 * Packs the round's E01 package for `card` (the workspace identity), signed by
 * `secretariat` (the round's own by default), to `out`.
 */
export async function packageFor(fx: RoundFixture, card: Card, out: string, secretariat: Identity = fx.secretariat): Promise<PackResult> {
  const cards = join(fx.dir, 'round', 'cards');
  copyFileSync(join(cards, 'E01.json'), join(fx.dir, 'E01.original.json'));
  writeFileSync(join(cards, 'E01.json'), JSON.stringify(card, null, 2));
  try {
    return await writePackage(await loadRound(join(fx.dir, 'round')), secretariat, 'E01', out);
  } finally {
    copyFileSync(join(fx.dir, 'E01.original.json'), join(cards, 'E01.json'));
  }
}

/** Another secretariat key, as if the round's packages were re-signed by someone else (claiming `organisation`). */
export function otherSecretariat(organisation = '未知'): Promise<Identity> {
  return createIdentity({ role: 'secretariat', displayName: '另一个秘书处', organisation, demo: true });
}

/**
 * Imports a package through the handlers as an expert who accepts its signer
 * on the trust screen (the first package of a secretariat asks; later ones do not).
 */
export async function importTrusted(ws: Workspace, fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<PackageSummary> {
  const r = await ws.invoke('package:import', { fileName, bytes });
  return r.status === 'imported' ? r.package : ws.invoke('trust:accept', { pendingId: r.pending.pendingId });
}

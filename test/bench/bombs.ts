/**
 * Bombs seen from outside: each bomb of test/helpers/bombs.ts, with 4 GiB of
 * zeros behind every deflate stream, refused by the real CLI (`reviewdesk
 * inspect`, `reviewdesk verify-bundle`) in a process of its own under
 * /usr/bin/time, whose peak resident memory must stay under 300 MB whatever
 * the file declares. The genuine demo package is measured beside them as the
 * baseline of a process that opens a package at all.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../../electron/demo/generate.ts';
import { loadIdentity } from '../../electron/keys/identity.ts';
import { writeBombs } from '../helpers/bombs.ts';

const TARGET_MB = 300;
const bin = join(import.meta.dirname, '../../electron/cli/reviewdesk.mjs');

/** Runs the CLI under GNU time: exit status, the refusal code it printed, and peak RSS in MB. */
function cli(args: string[]): { code: string; rssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb %M', process.execPath, bin, ...args, '--json'], { encoding: 'utf8' });
  const kb = Number(/maxrss-kb (\d+)\s*$/.exec(r.stderr)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no RSS from /usr/bin/time: ${r.stderr}`);
  let code = r.status === 0 ? 'accepted' : (/error (E_[A-Z0-9_]+)/.exec(r.stderr)?.[1] ?? `exit ${r.status}`);
  if (args[0] === 'verify-bundle') {
    const v = JSON.parse(r.stdout) as { verdicts: { ok: boolean; code?: string }[] };
    code = v.verdicts[0]!.ok ? 'accepted' : v.verdicts[0]!.code!;
  }
  return { code, rssMb: (kb * 1024) / 1e6 };
}

export async function benchBombs(root: string, mib = 4096): Promise<{ what: string; value: string; target: string; ok: boolean }[]> {
  const demo = join(root, 'bombs-demo');
  const out = join(root, 'bombs');
  await generateDemo({ out: demo, experts: 2, applications: 2, revisions: 1 });
  mkdirSync(out, { recursive: true });
  const who = {
    expert: await loadIdentity(join(demo, 'experts', 'E01')),
    secretariat: await loadIdentity(join(demo, 'secretariat')),
    other: await loadIdentity(join(demo, 'experts', 'E02')),
  };
  const bombs = await writeBombs(demo, out, mib, who);
  const expertArgs = ['--identity', join(demo, 'experts', 'E01')];
  const base = cli(['inspect', join(demo, 'packages', 'E01.rpkg'), ...expertArgs]);
  const rows = [
    {
      what: 'bombs: baseline, the CLI opening the genuine demo package',
      value: `${base.code}, peak RSS ${base.rssMb.toFixed(0)} MB`,
      target: `< ${TARGET_MB} MB`,
      ok: base.code === 'accepted' && base.rssMb < TARGET_MB,
    },
  ];
  // The roster case needs a roster without the rogue expert, which a demo round does not have: the library test covers it.
  for (const b of bombs.filter((x) => !x.pinned)) {
    const r =
      b.kind === 'rpkg'
        ? cli(['inspect', b.file, ...expertArgs])
        : cli(['verify-bundle', b.file, '--secretariat', join(demo, 'secretariat')]);
    rows.push({
      what: `bombs: ${b.name} (${(statSync(b.file).size / 1e6).toFixed(1)} MB file, ${mib} MiB of zeros per stream)`,
      value: `${r.code}, peak RSS ${r.rssMb.toFixed(0)} MB`,
      target: `${b.code}, < ${TARGET_MB} MB`,
      ok: r.code === b.code && r.rssMb < TARGET_MB,
    });
  }
  // Many at once, as a secretary drops a folder: as many copies of the largest score-file bomb as one thread checks
  // at a time (verify.ts LANES). Its bundle.json is streamed through the signature's hash, never held, so the copies
  // do not add up to eight times the inflated document.
  const worst = bombs.find((b) => b.name === 'rsb-doc-past-declared')!;
  const copies = Array.from({ length: 8 }, (_, i) => {
    const file = join(out, `copy-${i}.rsb`);
    copyFileSync(worst.file, file);
    return file;
  });
  const many = cli(['verify-bundle', ...copies, '--secretariat', join(demo, 'secretariat')]);
  rows.push({
    what: `bombs: ${copies.length} copies of ${worst.name} in one verify-bundle run`,
    value: `${many.code}, peak RSS ${many.rssMb.toFixed(0)} MB`,
    target: `${worst.code}, < ${TARGET_MB} MB`,
    ok: many.code === worst.code && many.rssMb < TARGET_MB,
  });
  return rows;
}

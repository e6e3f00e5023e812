/**
 * The system tools the tests call, made present before `npm test` runs them.
 *
 * The unit tests check interoperability against stock tools (`age`, `ssh-keygen`,
 * `unzip`, poppler's `pdftoppm`/`pdftotext`/`pdfinfo`, `sha256sum`, `script`), the demo
 * PDFs need the Noto CJK fonts, and the end-to-end tests drive Debian's Chromium
 * (Playwright cannot download its own browser here). On a fresh Debian or Ubuntu
 * machine these are missing, so `npm test` runs this first: it looks each one up and,
 * when something is missing, installs the Debian packages with apt-get where it may
 * (as root, or through passwordless sudo); otherwise it stops at once, printing the
 * exact command to run. `--check` only looks and never installs.
 *
 * Plain JavaScript, so that it runs before anything is compiled; the decision is a pure
 * function (`plan`) over injected look-ups, tested in test/unit/system-setup.test.ts.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The font electron/demo/pdf.ts looks for first. */
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * What the tests need, with the Debian package that provides it: `command` is looked
 * up on PATH, `file` checked on disk.
 */
export const REQUIREMENTS = [
  { package: 'age', command: 'age', why: 'files checked with stock age' },
  { package: 'openssh-client', command: 'ssh-keygen', why: 'SSHSIG checked with ssh-keygen -Y' },
  { package: 'unzip', command: 'unzip', why: 'bundles opened with stock unzip' },
  { package: 'poppler-utils', command: 'pdftoppm', why: 'score sheets rendered and read back' },
  { package: 'coreutils', command: 'sha256sum', why: 'hashes checked with sha256sum' },
  { package: 'bsdutils', command: 'script', why: 'age run on a terminal' },
  { package: 'fonts-noto-cjk', file: CJK_FONT, why: 'Chinese text in the demo and merge PDFs' },
  { package: 'chromium', chromium: true, why: 'the end-to-end tests' },
];

/** Where the end-to-end tests look for Chromium (playwright.config.ts). */
export function chromiumPath(env) {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The `ID` and `ID_LIKE` words of /etc/os-release text. */
export function osIds(osRelease) {
  const ids = [];
  for (const line of (osRelease ?? '').split('\n')) {
    const m = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
    if (m) ids.push(...m[2].replace(/["']/g, '').split(/\s+/).filter(Boolean));
  }
  return ids;
}

/**
 * What to do, from what the machine has. `probe` gives: `which(cmd)` (a path or null),
 * `exists(path)`, `uid`, `canSudo()` (passwordless sudo), `hasAptGet`, `osRelease` (the
 * text of /etc/os-release or null), `env`. Returns `{ action: 'ok' }`,
 * `{ action: 'install', missing, argv }` (commands to run, in order) or
 * `{ action: 'stop', missing, message }`.
 */
export function plan(probe) {
  const env = probe.env ?? {};
  const missing = REQUIREMENTS.filter((r) => {
    if (r.command) return !probe.which(r.command);
    if (r.file) return !probe.exists(r.file);
    return !probe.exists(chromiumPath(env));
  });
  if (missing.length === 0) return { action: 'ok', missing };

  const names = missing.map((r) => `${r.command ?? (r.file ? 'the Noto CJK fonts' : `Chromium at ${chromiumPath(env)}`)} (${r.why})`);
  const head = `npm test needs what this machine lacks:\n${names.map((n) => `  - ${n}`).join('\n')}\n`;

  if (env.CHROMIUM_PATH && missing.some((r) => r.chromium)) {
    return {
      action: 'stop',
      missing,
      message: `${head}\nCHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist: point it at a Chromium binary, or unset it to use /usr/bin/chromium.`,
    };
  }
  const ids = osIds(probe.osRelease);
  const debianLike = ids.includes('debian') || ids.includes('ubuntu');
  if (!probe.hasAptGet || !debianLike) {
    return {
      action: 'stop',
      missing,
      message: `${head}\nThis is not a Debian or Ubuntu machine with apt-get: install the equivalents of the Debian packages ${missing.map((r) => r.package).join(' ')}, then run npm test again.`,
    };
  }
  // Ubuntu has no Chromium .deb (its chromium-browser installs a snap), so apt-get cannot give /usr/bin/chromium there.
  if (ids.includes('ubuntu') && missing.some((r) => r.chromium)) {
    const rest = missing.filter((r) => !r.chromium).map((r) => r.package);
    const apt = rest.length ? `sudo apt-get update && sudo apt-get install -y ${rest.join(' ')} && ` : '';
    return {
      action: 'stop',
      missing,
      message: `${head}\nUbuntu ships Chromium only as a snap. Run:\n\n  ${apt}sudo snap install chromium\n\nthen run the tests with CHROMIUM_PATH=/snap/bin/chromium npm test`,
    };
  }

  const packages = missing.map((r) => r.package);
  const sudo = probe.uid === 0 ? [] : probe.canSudo() ? ['sudo'] : null;
  if (!sudo) {
    return {
      action: 'stop',
      missing,
      message: `${head}\nInstalling them needs root. Run:\n\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n\nthen run npm test again.`,
    };
  }
  return {
    action: 'install',
    missing,
    argv: [
      [...sudo, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
      [...sudo, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', ...packages],
    ],
  };
}

/** `cmd` on PATH (an executable file), or null. */
export function which(cmd, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** The machine as it is. */
export function realProbe() {
  return {
    which: (cmd) => which(cmd),
    exists: existsSync,
    uid: typeof process.getuid === 'function' ? process.getuid() : -1,
    canSudo: () => which('sudo') !== null && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    hasAptGet: which('apt-get') !== null,
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : null,
    env: process.env,
  };
}

/** Check, install if it may, check again; the exit code is what `npm test` goes on. */
export function main(args = process.argv.slice(2)) {
  const first = plan(realProbe());
  if (first.action === 'ok') return 0;
  if (first.action === 'stop' || args.includes('--check')) {
    const message = first.message ?? `Missing: ${first.missing.map((r) => r.package).join(' ')} (run npm test to install them).`;
    console.error(`\n${message}\n`);
    return 1;
  }
  console.error(`Installing Debian packages the tests need: ${first.missing.map((r) => r.package).join(' ')}`);
  for (const argv of first.argv) {
    const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) {
      console.error(`\n${argv.join(' ')} failed (exit ${r.status ?? r.signal}).\n`);
      return 1;
    }
  }
  const after = plan(realProbe());
  if (after.action !== 'ok') {
    console.error(`\nStill missing after apt-get: ${after.missing.map((r) => r.package).join(' ')}.\n`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();

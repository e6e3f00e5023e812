/**
 * `npm test`'s own set-up (test/setup/system.mjs): what it decides from what a
 * machine has. Look-ups are injected (a fake PATH, a fake disk, a uid); nothing
 * here runs apt-get. One check runs the script for real on this machine, which
 * has every tool.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CJK_FONT, REQUIREMENTS, plan, which, type Probe } from '../setup/system.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n';
const ALL_COMMANDS = REQUIREMENTS.flatMap((r) => (r.command ? [r.command] : []));

/** A machine with `commands` on PATH and `files` on disk. */
function machine(commands: string[], files: string[], more: Partial<Probe> = {}): Probe {
  return {
    which: (cmd) => (commands.includes(cmd) ? `/usr/bin/${cmd}` : null),
    exists: (p) => files.includes(p),
    uid: 1000,
    canSudo: () => false,
    hasAptGet: true,
    osRelease: DEBIAN,
    env: {},
    ...more,
  };
}

/** Debian bookworm as a container starts: coreutils and bsdutils, nothing else the tests need. */
const fresh = (more: Partial<Probe> = {}): Probe => machine(['sha256sum', 'script', 'apt-get'], [], more);

describe('test set-up', () => {
  it('does nothing where everything is present', () => {
    expect(plan(machine(ALL_COMMANDS, [CJK_FONT, '/usr/bin/chromium'])).action).toBe('ok');
  });

  it('installs what is missing with apt-get as root', () => {
    const p = plan(fresh({ uid: 0 }));
    expect(p.action).toBe('install');
    if (p.action !== 'install') return;
    expect(p.argv).toEqual([
      ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
      [
        'env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        'install',
        '-y',
        '-qq',
        'age',
        'openssh-client',
        'unzip',
        'poppler-utils',
        'fonts-noto-cjk',
        'chromium',
      ],
    ]);
  });

  it('installs through passwordless sudo, and only what is missing', () => {
    const p = plan(
      machine(
        ALL_COMMANDS.filter((c) => c !== 'age'),
        ['/usr/bin/chromium'],
        { canSudo: () => true },
      ),
    );
    expect(p.action === 'install' && p.argv[1]).toEqual([
      'sudo',
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      'install',
      '-y',
      '-qq',
      'age',
      'fonts-noto-cjk',
    ]);
  });

  it('stops at once for a user without root, giving the exact command', () => {
    const p = plan(fresh());
    expect(p.action).toBe('stop');
    if (p.action !== 'stop') return;
    expect(p.message).toContain(
      'sudo apt-get update && sudo apt-get install -y age openssh-client unzip poppler-utils fonts-noto-cjk chromium\n',
    );
    expect(p.message).toContain('  - age (files checked with stock age)');
    expect(p.message).toContain('  - Chromium at /usr/bin/chromium (the end-to-end tests)');
    expect(p.message).not.toContain('sha256sum');
  });

  it('asks sudo only when not root', () => {
    let asked = 0;
    plan(fresh({ uid: 0, canSudo: () => (asked++, true) }));
    expect(asked).toBe(0);
  });

  it('checks Chromium where CHROMIUM_PATH points, and says so when it is wrong', () => {
    const tools = machine(ALL_COMMANDS, [CJK_FONT, '/usr/bin/chromium', '/opt/chrome/chrome'], { uid: 0 });
    expect(plan({ ...tools, env: { CHROMIUM_PATH: '/opt/chrome/chrome' } }).action).toBe('ok');
    const p = plan({ ...tools, env: { CHROMIUM_PATH: '/opt/none' } });
    expect(p.action === 'stop' && p.message).toContain('CHROMIUM_PATH is set to /opt/none, which does not exist');
  });

  it('on Ubuntu, where Chromium is a snap, gives the apt-get and snap commands', () => {
    const p = plan(fresh({ osRelease: UBUNTU, uid: 0 }));
    expect(p.action === 'stop' && p.message).toContain(
      'sudo apt-get update && sudo apt-get install -y age openssh-client unzip poppler-utils fonts-noto-cjk && sudo snap install chromium',
    );
    // Everything but Chromium present: apt-get is not named.
    const q = plan(machine(ALL_COMMANDS, [CJK_FONT], { osRelease: UBUNTU, uid: 0 }));
    expect(q.action === 'stop' && q.message).toContain('  sudo snap install chromium\n');
    // Chromium present: the rest installs as on Debian.
    const r = plan(machine([], ['/usr/bin/chromium', CJK_FONT], { osRelease: UBUNTU, uid: 0 }));
    expect(r.action).toBe('install');
  });

  it('stops with the package names where there is no apt-get', () => {
    const p = plan(fresh({ hasAptGet: false, uid: 0, osRelease: 'ID=fedora\n' }));
    expect(p.action === 'stop' && p.message).toContain(
      'the Debian packages age openssh-client unzip poppler-utils fonts-noto-cjk chromium',
    );
  });

  it('finds commands on a PATH only when executable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'which-'));
    try {
      writeFileSync(join(dir, 'tool'), '#!/bin/sh\n');
      writeFileSync(join(dir, 'plain'), '');
      chmodSync(join(dir, 'tool'), 0o755);
      expect(which('tool', `/nonexistent:${dir}`)).toBe(join(dir, 'tool'));
      expect(which('plain', dir)).toBeNull();
      expect(which('tool', '/nonexistent')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes --check on this machine, which has every tool', () => {
    expect(() => execFileSync(process.execPath, ['test/setup/system.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

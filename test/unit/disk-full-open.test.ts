/**
 * A workspace opened on a full disk, for real: a child process in its own
 * mount namespace over a 2 MiB tmpfs (`unshare -rm`), filled to the byte.
 * Skipped where user namespaces are not available.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';

const repo = join(import.meta.dirname, '../..');
const mount = tempDir('rd-disk-full-');
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs '${mount}'`]).status === 0;

type Outcome = { code: string; message?: string; left: string[] };

describe('a full disk at workspace open', () => {
  it.skipIf(!canMount)(
    'is refused with E_DISK_FULL, leaving neither a half-made workspace nor a stale workspace.lock',
    () => {
      const child = `${process.execPath} '${join(repo, 'electron/cli/run-ts.mjs')}' '${join(repo, 'test/unit/disk-full-child.ts')}' '${mount}'`;
      const r = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=2m tmpfs '${mount}' && ${child}`], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const o = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<'ready' | 'fresh' | 'reopened' | 'afterFreed', Outcome>;
      expect(o.ready.code).toBe('ok');
      // A new workspace on a full disk: refused, and the folder it would have made is not there.
      expect(o.fresh).toMatchObject({ code: 'E_DISK_FULL', left: ['(no folder)'] });
      // An existing one: refused, with no workspace.lock naming a holder that is not there.
      expect(o.reopened.code).toBe('E_DISK_FULL');
      expect(o.reopened.left).not.toContain('workspace.lock');
      expect(o.reopened.left).toContain('workspace.sqlite');
      // Nothing was lost: once there is room it opens as before.
      expect(o.afterFreed.code).toBe('ok');
    },
    90_000,
  );
});

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOpenSshPrivateKey } from '../../electron/crypto/ssh-keyfile.ts';
import { formatSshPublicKey, generateSigningKey, sshsigSign, sshsigVerify } from '../../electron/crypto/ssh.ts';
import { tempDir } from '../helpers/tmp.ts';

const dir = tempDir();

describe('SSH signatures (SSHSIG)', () => {
  const key = generateSigningKey();
  const keyFile = join(dir, 'id_ed25519');
  writeFileSync(keyFile, formatOpenSshPrivateKey(key, 'test'), { mode: 0o600 });
  const allowed = join(dir, 'allowed_signers');
  writeFileSync(allowed, `tester ${formatSshPublicKey(key.publicKey)}\n`);
  const msg = Buffer.from('{"hello":"评审"}');
  const msgFile = join(dir, 'msg');
  writeFileSync(msgFile, msg);

  it('signatures we make verify with ssh-keygen -Y verify', () => {
    writeFileSync(join(dir, 'msg.sig'), sshsigSign(key, 'reviewdesk-scores', msg));
    const out = execFileSync(
      'ssh-keygen',
      ['-Y', 'verify', '-f', allowed, '-I', 'tester', '-n', 'reviewdesk-scores', '-s', join(dir, 'msg.sig')],
      { input: msg },
    );
    expect(out.toString()).toMatch(/Good "reviewdesk-scores" signature for tester/);
  });

  it('signatures ssh-keygen -Y sign makes verify with ours', () => {
    const other = join(dir, 'other');
    writeFileSync(other, msg);
    execFileSync('ssh-keygen', ['-Y', 'sign', '-f', keyFile, '-n', 'reviewdesk-package', other], { stdio: 'pipe' });
    const sig = readFileSync(`${other}.sig`);
    expect(sshsigVerify(sig, 'reviewdesk-package', msg, 'msg').equals(key.publicKey)).toBe(true);
  });

  it('refuses another namespace, changed content and a damaged signature', () => {
    const sig = sshsigSign(key, 'reviewdesk-scores', msg);
    expect(() => sshsigVerify(sig, 'reviewdesk-package', msg, 'm')).toThrow(/namespace/);
    expect(() => sshsigVerify(sig, 'reviewdesk-scores', Buffer.from('{"hello":"x"}'), 'm')).toThrowError(
      expect.objectContaining({ code: 'E_SIG_INVALID' }),
    );
    const lines = sig.split('\n');
    lines[2] = lines[2]!.slice(0, 10) + (lines[2]![10] === 'A' ? 'B' : 'A') + lines[2]!.slice(11);
    expect(() => sshsigVerify(lines.join('\n'), 'reviewdesk-scores', msg, 'm')).toThrowError(
      expect.objectContaining({ code: 'E_SIG_INVALID' }),
    );
    expect(() => sshsigVerify('garbage', 'reviewdesk-scores', msg, 'm')).toThrowError(expect.objectContaining({ code: 'E_SIG_INVALID' }));
  });
});

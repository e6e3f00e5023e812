/**
 * The stock route for one score bundle, as a secretary would script it today with the tools
 * docs/formats.md names: `age -d` to a temporary file, `unzip` of bundle.json and its signature,
 * `ssh-keygen -Y verify` of bundle.json against allowed_signers. The benchmark times the app and the
 * command line against it in the same run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface StockKeys {
  /** The secretariat's AGE-SECRET-KEY-1… file. */
  ageIdentity: string;
  /** The round's allowed_signers file. */
  allowedSigners: string;
}

/** Checks one bundle the stock way (throws if any step fails) and returns the milliseconds it took. */
export function stockVerify(file: string, signer: string, keys: StockKeys, work: string): number {
  const zip = `${work}.zip`;
  const t = performance.now();
  execFileSync('age', ['-d', '-i', keys.ageIdentity, '-o', zip, file]);
  execFileSync('unzip', ['-o', '-q', zip, 'bundle.json', 'bundle.json.sig', '-d', work]);
  execFileSync(
    'ssh-keygen',
    ['-Y', 'verify', '-f', keys.allowedSigners, '-I', signer, '-n', 'reviewdesk-scores', '-s', join(work, 'bundle.json.sig')],
    { input: readFileSync(join(work, 'bundle.json')), stdio: ['pipe', 'ignore', 'inherit'] },
  );
  const ms = performance.now() - t;
  rmSync(work, { recursive: true, force: true });
  rmSync(zip, { force: true });
  return ms;
}

/** The expert id a demo round's bundle file is named after (E07.rsb, E07.rev1.rsb): its signer in allowed_signers. */
export function demoSigner(file: string): string {
  return /E\d+/.exec(file.split('/').pop()!)![0];
}

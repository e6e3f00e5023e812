/**
 * Files opened from outside the window — a double-click through the file
 * association, or a second launch with files on its command line — for the
 * Electron glue to hand over: a review package (`.rpkg`) is imported as the
 * file dialog would, a score bundle (`.rsb`) goes to the secretariat's merge.
 * The host chose the path (the operating system gave it), never the renderer.
 * What happened is pushed to the window as one `file:external` event.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Envelope, EventPayload, ImportResult } from '../../shared/ipc/contract.ts';
import { ReviewDeskError } from '../../shared/errors.ts';
import { toWireError } from '../handlers/registry.ts';

/** The files on a command line that ReviewDesk opens (flags and anything else are left alone). */
export function externalFilesIn(args: readonly string[]): string[] {
  return args.filter((a) => !a.startsWith('-') && /\.(rpkg|rsb)$/i.test(a));
}

/** Opens one file from outside through the handler table and says how it went. */
export async function openExternalFile(
  path: string,
  dispatch: (channel: string, input: unknown) => Promise<Envelope<unknown>>,
): Promise<EventPayload<'file:external'>> {
  const fileName = basename(path);
  const kind = /\.rsb$/i.test(fileName) ? 'bundle' : 'package';
  let result: Envelope<unknown>;
  try {
    if (!/\.(rpkg|rsb)$/i.test(fileName)) throw new ReviewDeskError('E_UNSUPPORTED', { what: fileName });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      throw new ReviewDeskError('E_IO', { path, reason: (e as NodeJS.ErrnoException).code ?? String(e) }, { cause: e });
    }
    result =
      kind === 'bundle'
        ? await dispatch('merge:import', { files: [{ fileName, bytes }] })
        : await dispatch('package:import', { fileName, bytes });
  } catch (e) {
    result = { ok: false, error: toWireError(e) };
  }
  if (!result.ok) return { kind, fileName, ok: false, error: { code: result.error.code, message: result.error.message } };
  if (kind === 'bundle') return { kind, fileName, ok: true };
  // A package from a key not yet trusted is held: the window asks the trust question, nothing of it opens before.
  const imported = result.value as ImportResult;
  return imported.status === 'imported'
    ? { kind, fileName, ok: true, packageId: imported.package.packageId }
    : { kind, fileName, ok: true, pending: imported.pending };
}

/** `dossier:read`: one dossier file, decrypted in memory and never written anywhere. */
import { ReviewDeskError } from '../../shared/errors.ts';
import { getConflict } from '../db/review.ts';
import { packageMeta, requireApplication, requirePledge, type Context } from '../workspace/context.ts';
import { openedPackage } from '../packages/workspace.ts';
import type { HandlerTable } from './registry.ts';

export const dossierHandlers: Partial<HandlerTable<Context>> = {
  'dossier:read': async (input, ctx) => {
    const meta = packageMeta(ctx, input.packageId);
    const app = requireApplication(meta, input.applicationId);
    requirePledge(ctx, input.packageId);
    const conflict = getConflict(ctx.db, input.packageId, input.applicationId);
    if (!conflict) throw new ReviewDeskError('E_CONFLICT_UNDECLARED', { application: input.applicationId });
    if (conflict.status === 'recused') throw new ReviewDeskError('E_RECUSED', { application: input.applicationId });
    if (!app.files.includes(input.path))
      throw new ReviewDeskError('E_UNKNOWN_FILE', { application: app.id, path: input.path.slice(0, 200) });
    const opened = await openedPackage(ctx, meta);
    const file = meta.manifest.files.find((f) => f.path === input.path);
    if (!file) throw new ReviewDeskError('E_UNKNOWN_FILE', { application: app.id, path: input.path.slice(0, 200) });
    const { mediaType } = file;
    // Decrypted again from the .rpkg and checked against the manifest's SHA-256 (small files were kept at opening).
    return { bytes: await opened.readFile(input.path), mediaType };
  },
};

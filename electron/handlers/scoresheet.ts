/** `scoresheet:pdf`: the printable score sheet, rendered by the host (Electron's printToPDF). */
import { ReviewDeskError } from '../../shared/errors.ts';
import { packageMeta, requirePledge, type Context } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

export const scoresheetHandlers: Partial<HandlerTable<Context>> = {
  'scoresheet:pdf': async (input, ctx) => {
    const meta = packageMeta(ctx, input.packageId);
    requirePledge(ctx, input.packageId);
    if (!ctx.host.printToPdf) throw new ReviewDeskError('E_UNSUPPORTED', { what: 'PDF 打印 / printing to PDF' });
    ctx.host.emit('progress', { operation: 'print', done: 0, total: 1 });
    const pdf = await ctx.host.printToPdf(`#/print/${meta.row.id}`);
    ctx.host.emit('progress', { operation: 'print', done: 1, total: 1 });
    const m = meta.manifest;
    return { bytes: new Uint8Array(pdf), fileName: `${m.round.id}-${m.expert.id}-个人评分表.pdf` };
  },
};

/** Site visits (现场考察): electron/visits/workspace.ts does the work; visits/sheet.ts prints the expert's record. */
import { expertVisitSheet } from '../visits/sheet.ts';
import { addPhotos, editPhoto, editVisit, getVisit, photoBytes, removePhoto } from '../visits/workspace.ts';
import type { Context } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

export const visitHandlers: Partial<HandlerTable<Context>> = {
  'visit:get': (input, ctx) => getVisit(ctx, input),
  'visit:edit': (input, ctx) => editVisit(ctx, input),
  'visit:addPhotos': (input, ctx) => addPhotos(ctx, input),
  'visit:editPhoto': (input, ctx) => editPhoto(ctx, input),
  'visit:removePhoto': (input, ctx) => removePhoto(ctx, input),
  'visit:photo': (input, ctx) => photoBytes(ctx, input),
  'visit:sheet': (input, ctx) => expertVisitSheet(ctx, input),
};

/**
 * The secretariat's round preparation channels; the work is electron/rounds/workspace.ts.
 */
import {
  adjust,
  createRound,
  decide,
  drawIn,
  importApplicationsInto,
  importExpertsInto,
  issueSheet,
  packageFile,
  packIn,
  roundState,
} from '../rounds/workspace.ts';
import type { Context } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

export const roundHandlers: Partial<HandlerTable<Context>> = {
  'round:state': (_input, ctx) => roundState(ctx),
  'round:create': (input, ctx) => createRound(ctx, input),
  'round:importApplications': (input, ctx) => importApplicationsInto(ctx, input),
  'round:importExperts': (input, ctx) => importExpertsInto(ctx, input),
  'round:decide': (input, ctx) => decide(ctx, input),
  'round:draw': (input, ctx) => drawIn(ctx, input),
  'round:adjust': (input, ctx) => adjust(ctx, input),
  'round:pack': (_input, ctx) => packIn(ctx),
  'round:packageFile': (input, ctx) => packageFile(ctx, input.expertId),
  'round:issueSheet': (_input, ctx) => issueSheet(ctx),
};

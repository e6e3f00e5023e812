/**
 * The secretariat's merge channels; the work is electron/merge/workspace.ts.
 */
import {
  consensusHistory,
  consensusList,
  exportMerge,
  importMergeFiles,
  mergeResults,
  mergeState,
  setConsensus,
  setLedger,
  mergeVisits,
  visitPhoto,
  visitSheet,
} from '../merge/workspace.ts';
import type { Context } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

export const mergeHandlers: Partial<HandlerTable<Context>> = {
  'merge:state': (_input, ctx) => mergeState(ctx),
  'merge:setLedger': (input, ctx) => setLedger(ctx, input),
  'merge:import': (input, ctx) => importMergeFiles(ctx, input.files),
  'merge:results': (input, ctx) => mergeResults(ctx, input),
  'merge:consensus': (_input, ctx) => consensusList(ctx),
  'merge:setConsensus': (input, ctx) => setConsensus(ctx, input),
  'merge:consensusHistory': (input, ctx) => consensusHistory(ctx, input),
  'merge:export': (input, ctx) => exportMerge(ctx, input),
  'merge:visits': (input, ctx) => mergeVisits(ctx, input),
  'merge:visitPhoto': (input, ctx) => visitPhoto(ctx, input),
  'merge:visitSheet': (input, ctx) => visitSheet(ctx, input),
};

/**
 * Package channels: import (and the trust question it may raise), the pinned
 * secretariat keys, a package's detail, the pledge. The work is
 * electron/packages/workspace.ts.
 */
import { acceptPending, importPackage, pledge, refusePending, removeTrusted, trustedSecretariats } from '../packages/workspace.ts';
import { packageDetail } from '../review/summary.ts';
import { packageMeta, type Context } from '../workspace/context.ts';
import type { HandlerTable } from './registry.ts';

export const packageHandlers: Partial<HandlerTable<Context>> = {
  'package:import': (input, ctx) => importPackage(ctx, input),
  'trust:accept': (input, ctx) => acceptPending(ctx, input.pendingId),
  'trust:refuse': (input, ctx) => refusePending(ctx, input.pendingId),
  'trust:list': (_input, ctx) => trustedSecretariats(ctx),
  'trust:remove': (input, ctx) => removeTrusted(ctx, input.fingerprint),
  'package:get': (input, ctx) => packageDetail(ctx, packageMeta(ctx, input.packageId)),
  'package:acceptPledge': (input, ctx) => pledge(ctx, input.packageId),
};

/**
 * What both hosts (the Electron glue and the browser host) run: the workspace
 * in a data folder, prepared with the bundled demo round when asked and the
 * workspace has no identity yet.
 */
import type { Envelope } from '../../shared/ipc/contract.ts';
import { prepareDemoSecretariat, prepareDemoWorkspace, type DemoSecretariat, type DemoWorkspace } from '../handlers/demo-workspace.ts';
import type { Host } from '../handlers/host.ts';
import { startPayloadWorkers } from '../crypto/parallel.ts';
import { openWorkspace, type WorkspaceOptions } from '../handlers/index.ts';

export interface HostedWorkspace {
  dispatch(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** What was prepared when the demo round was set up in this run. */
  demo: DemoWorkspace | null;
  /** What was prepared when the demo secretariat was set up in this run. */
  demoSecretariat: DemoSecretariat | null;
  close(): void;
}

export async function openHostedWorkspace(opts: {
  dataDir: string;
  host: Host;
  options?: WorkspaceOptions;
  /** Set up the bundled demo round when the workspace has no identity yet. */
  demoIfEmpty?: boolean;
  /** With demoIfEmpty: set up the demo round's secretariat (for the merge) instead of expert E01. */
  secretariat?: boolean;
}): Promise<HostedWorkspace> {
  const ws = await openWorkspace(opts.dataDir, opts.host, opts.options);
  // At launch, so that opening a large package does not wait for the decryption threads to start (they are
  // unreferenced while idle and cost nothing until a package is opened).
  startPayloadWorkers();
  try {
    const demoSecretariat = opts.demoIfEmpty && opts.secretariat ? await prepareDemoSecretariat(ws.ctx) : null;
    const demo = opts.demoIfEmpty && !opts.secretariat ? await prepareDemoWorkspace(ws.ctx) : null;
    return { dispatch: (channel, input) => ws.call(channel, input), demo, demoSecretariat, close: () => ws.close() };
  } catch (e) {
    ws.close();
    throw e;
  }
}

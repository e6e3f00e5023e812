/**
 * What both hosts (the Electron glue and the browser host) run: the workspace
 * in a data folder, prepared with the bundled demo round when asked and the
 * workspace has no identity yet.
 */
import { prepareDemoSecretariat, prepareDemoWorkspace, type DemoSecretariat, type DemoWorkspace } from './demo.ts';
import type { Host } from './host.ts';
import { startPayloadWorkers } from '../crypto/parallel.ts';
import { openWorkspace, type Workspace, type WorkspaceOptions } from './open.ts';

/** The workspace (hosts wire `call` to IPC or HTTP) and what was prepared for the demo. */
export interface HostedWorkspace extends Workspace {
  /** What was prepared when the demo round was set up in this run. */
  demo: DemoWorkspace | null;
  /** What was prepared when the demo secretariat was set up in this run. */
  demoSecretariat: DemoSecretariat | null;
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
    return Object.assign(ws, { demo, demoSecretariat });
  } catch (e) {
    ws.close();
    throw e;
  }
}

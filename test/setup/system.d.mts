// Types of system.mjs, which is plain JavaScript so that `npm test` can run it before anything is compiled.

export interface Requirement {
  /** The Debian package that provides it. */
  package: string;
  /** Looked up on PATH. */
  command?: string;
  /** Checked on disk. */
  file?: string;
  /** Chromium, at CHROMIUM_PATH or /usr/bin/chromium. */
  chromium?: boolean;
  why: string;
}

export interface Probe {
  which(cmd: string): string | null;
  exists(path: string): boolean;
  uid: number;
  canSudo(): boolean;
  hasAptGet: boolean;
  osRelease: string | null;
  env?: Record<string, string | undefined>;
}

export type Plan =
  | { action: 'ok'; missing: Requirement[] }
  | { action: 'install'; missing: Requirement[]; argv: string[][] }
  | { action: 'stop'; missing: Requirement[]; message: string };

export declare const CJK_FONT: string;
export declare const REQUIREMENTS: Requirement[];
export declare function chromiumPath(env: Record<string, string | undefined>): string;
export declare function osIds(osRelease: string | null): string[];
export declare function plan(probe: Probe): Plan;
export declare function which(cmd: string, path?: string): string | null;
export declare function realProbe(): Probe;
export declare function main(args?: string[]): number;

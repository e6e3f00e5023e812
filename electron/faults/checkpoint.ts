/**
 * Named steps of the write paths (export, import, edit) where tests inject
 * faults: a SIGKILL at a step (REVIEWDESK_TEST_KILL_AT=step, read by the
 * crash tests' child processes) or a thrown error such as ENOSPC (a hook set
 * in-process). Both are off in production, where a checkpoint costs one
 * comparison.
 */
import { ReviewDeskError, isDiskFullError } from '../../shared/errors.ts';

const killAt = process.env.REVIEWDESK_TEST_KILL_AT ?? '';
let hook: ((step: string) => void) | null = null;

/** Marks that a write path reached `step`. */
export function checkpoint(step: string): void {
  if (killAt && killAt === step) process.kill(process.pid, 'SIGKILL');
  hook?.(step);
}

/** Tests only: runs `fn` at every checkpoint (it may throw); null removes it. */
export function setFaultHook(fn: ((step: string) => void) | null): void {
  hook = fn;
}

/** An error like the one Node's fs throws when the disk is full (for fault hooks). */
export function enospc(step: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device (injected at ${step})`), { code: 'ENOSPC', errno: -28 });
}

/** The operations' names inside E_DISK_FULL messages, one per language. */
export const WHAT = {
  edit: { zh: '保存修改', en: 'saving the change' },
  export: { zh: '导出评分文件', en: 'the export of the score file' },
  import: { zh: '导入评审包', en: 'the import of the review package' },
  open: { zh: '打开工作区', en: 'opening the workspace' },
  receive: { zh: '接收文件', en: 'receiving the file' },
} as const;

/** E_DISK_FULL for a full disk (ENOSPC, EDQUOT, SQLITE_FULL), naming the operation; the error itself otherwise. */
export function diskFull(e: unknown, operation: keyof typeof WHAT): unknown {
  const what = WHAT[operation];
  return isDiskFullError(e) ? new ReviewDeskError('E_DISK_FULL', { zhWhat: what.zh, enWhat: what.en }, { cause: e }) : e;
}

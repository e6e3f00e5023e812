/**
 * Every audited change in a workspace — a reviewer's edit, a conflict
 * declaration, the panel's consensus — is written the same way: in one
 * immediate transaction, read what is stored, write nothing when the new value
 * is already there, else write it and its audit row together. A full disk (the
 * WAL cannot grow) rolls the whole change back and is E_DISK_FULL, with the
 * last committed value still in place; the crash tests kill the process at the
 * two checkpoints between the writes.
 */
import { checkpoint, diskFull } from '../faults/checkpoint.ts';
import type { Context } from './context.ts';

export interface AuditedChange<Old> {
  /** What is stored now (read inside the transaction). May throw to refuse the change. */
  read(): Old;
  /** True when what is stored already is the new value: nothing is written, no audit row. */
  unchanged(old: Old): boolean;
  /** Writes the new value. */
  write(old: Old): void;
  /** Writes the audit row; returns its id. */
  audit(old: Old): number;
}

export interface Audited<Old> {
  old: Old;
  /** The audit row's id; null when nothing changed. */
  auditId: number | null;
}

export function auditedWrite<Old>(ctx: Context, change: AuditedChange<Old>): Audited<Old> {
  const run = ctx.db.transaction((): Audited<Old> => {
    const old = change.read();
    if (change.unchanged(old)) return { old, auditId: null };
    change.write(old);
    checkpoint('edit:entry-written');
    const auditId = change.audit(old);
    checkpoint('edit:audit-written');
    return { old, auditId };
  });
  try {
    return run.immediate();
  } catch (e) {
    throw diskFull(e, 'edit');
  }
}

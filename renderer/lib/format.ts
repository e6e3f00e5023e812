/** Display helpers: dates, countdowns, fingerprints, bytes. */
import type { Locale } from '../../shared/i18n-text.ts';

export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A time in China Standard Time, `YYYY-MM-DD HH:mm`, whatever the computer's zone (the round's official clock). */
export function formatBeijing(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale, { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Time left until a deadline, in whole days and hours. */
export function timeLeft(deadline: string, now: number): { overdue: boolean; days: number; hours: number; urgent: boolean } {
  const ms = new Date(deadline).getTime() - now;
  const overdue = ms <= 0;
  const totalHours = Math.floor(Math.abs(ms) / 3_600_000);
  return { overdue, days: Math.floor(totalHours / 24), hours: totalHours % 24, urgent: overdue || ms < 48 * 3_600_000 };
}

/** Fingerprint groups for reading aloud: ABCD-EFGH-… → ['ABCD', 'EFGH', …]. */
export function fingerprintGroups(fingerprint: string): string[] {
  return fingerprint.split('-');
}

/** Scores as people write them: 7, 7.5, never 7.000000001. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 100) / 100);
}

export function formatTotal(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The file name at the end of a package path (`dossiers/A1/plan.pdf` → `plan.pdf`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

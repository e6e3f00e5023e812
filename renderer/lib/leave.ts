/**
 * Leaving the page never loses typing: on `pagehide` (reload, closed tab,
 * navigation away) every draft goes to the store and every edit still waiting
 * is sent at once, with keepalive so it outlives the page; when the page is
 * hidden (another application in front) the drafts are saved the usual way;
 * and before the desktop window closes the main process waits until all of it
 * is committed.
 */
import { onFlushRequest } from '../api/client.ts';
import { useReviewStore } from '../state/review.ts';
import { useVisitStore } from '../state/visit.ts';
import { flushDrafts } from './flush.ts';

let installed = false;

export function installLeaveFlush(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('pagehide', () => {
    flushDrafts();
    useReviewStore.getState().sendNow();
    useVisitStore.getState().sendNow();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDrafts();
  });
  onFlushRequest(async () => {
    flushDrafts();
    await Promise.all([useReviewStore.getState().settled(), useVisitStore.getState().settled()]);
  });
}

/**
 * A small hash router: the location lives in `#/…` so the same build works
 * from Electron's app:// protocol, the loopback host and a file, and the
 * reviewer's place can be saved as a string (settings:set lastLocation).
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'packages' }
  | { name: 'identity' }
  | { name: 'trust' }
  | { name: 'package'; packageId: string }
  | { name: 'review'; packageId: string; applicationId: string; criterionId?: string }
  /** The site visit (现场考察) of one application. Electron grants the camera on this route only (electron/app/permissions.ts). */
  | { name: 'visit'; packageId: string; applicationId: string }
  | { name: 'finish'; packageId: string; applicationId?: string }
  | { name: 'print'; packageId: string; auto: boolean }
  | { name: 'merge'; view: MergeView }
  | { name: 'mergeApp'; applicationId: string }
  | { name: 'rubrics'; view: RubricView }
  | { name: 'round'; view: RoundView };

/** The secretariat's merge area: its tabs. */
export const MERGE_VIEWS = ['import', 'matrix', 'results', 'charts', 'history'] as const;
export type MergeView = (typeof MERGE_VIEWS)[number];

/** The secretariat's round in preparation (评审批次 / Review round): its tabs. */
export const ROUND_VIEWS = ['setup', 'applications', 'experts', 'conflicts', 'draw', 'packages', 'returns'] as const;
export type RoundView = (typeof ROUND_VIEWS)[number];

/** The secretariat's rubric editor (评分细则 / Rubrics): its tabs. */
export const RUBRIC_VIEWS = ['start', 'edit', 'preview', 'diff'] as const;
export type RubricView = (typeof RUBRIC_VIEWS)[number];

const seg = (s: string): string => encodeURIComponent(s);

/** The hash (with leading `#`) for a route. */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'packages':
      return '#/packages';
    case 'identity':
      return '#/identity';
    case 'trust':
      return '#/trust';
    case 'package':
      return `#/p/${seg(route.packageId)}`;
    case 'review':
      return `#/p/${seg(route.packageId)}/a/${seg(route.applicationId)}${route.criterionId ? `/c/${seg(route.criterionId)}` : ''}`;
    case 'visit':
      return `#/p/${seg(route.packageId)}/v/${seg(route.applicationId)}`;
    case 'finish':
      return `#/p/${seg(route.packageId)}/finish${route.applicationId ? `/${seg(route.applicationId)}` : ''}`;
    case 'print':
      return `#/print/${seg(route.packageId)}${route.auto ? '/auto' : ''}`;
    case 'merge':
      return route.view === 'import' ? '#/merge' : `#/merge/${route.view}`;
    case 'mergeApp':
      return `#/merge/a/${seg(route.applicationId)}`;
    case 'rubrics':
      return route.view === 'start' ? '#/rubrics' : `#/rubrics/${route.view}`;
    case 'round':
      return route.view === 'setup' ? '#/round' : `#/round/${route.view}`;
  }
}

/** Reads a hash (`#/p/…`); anything unknown is the package list. */
export function parseHash(hash: string): Route {
  const parts = hash
    .replace(/^#?\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [a, b, c, d, e, f] = parts;
  if (a === 'identity') return { name: 'identity' };
  if (a === 'trust') return { name: 'trust' };
  if (a === 'merge') {
    if (b === 'a' && c) return { name: 'mergeApp', applicationId: c };
    return { name: 'merge', view: (MERGE_VIEWS as readonly string[]).includes(b ?? '') ? (b as MergeView) : 'import' };
  }
  if (a === 'rubrics')
    return { name: 'rubrics', view: (RUBRIC_VIEWS as readonly string[]).includes(b ?? '') ? (b as RubricView) : 'start' };
  if (a === 'round') return { name: 'round', view: (ROUND_VIEWS as readonly string[]).includes(b ?? '') ? (b as RoundView) : 'setup' };
  if (a === 'print' && b) return { name: 'print', packageId: b, auto: c === 'auto' };
  if (a === 'p' && b) {
    if (c === 'a' && d) return { name: 'review', packageId: b, applicationId: d, criterionId: e === 'c' && f ? f : undefined };
    if (c === 'v' && d) return { name: 'visit', packageId: b, applicationId: d };
    if (c === 'finish') return { name: 'finish', packageId: b, applicationId: d };
    return { name: 'package', packageId: b };
  }
  return { name: 'packages' };
}

export function navigate(to: Route | string, options: { replace?: boolean } = {}): void {
  const hash = typeof to === 'string' ? (to.startsWith('#') ? to : `#${to}`) : hrefFor(to);
  if (hash === window.location.hash) return;
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = hash;
    window.history.replaceState(null, '', url.toString());
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

/** The current hash; re-renders on change. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  return parseHash(useHash());
}

/** Only the route's name: a component that needs no more is not re-rendered by moves within a screen. */
export function useRouteName(): Route['name'] {
  return useSyncExternalStore(subscribe, () => parseHash(window.location.hash).name);
}

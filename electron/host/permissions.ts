/**
 * Which web permissions the app's pages get, as a plain function so that it is tested without Electron
 * (electron/app/main.ts hands Electron's permission request and check handlers to it). Everything is denied
 * but one thing: the laptop's camera (video, never the microphone) for the site-visit screen, where an expert
 * photographs what is seen on site. It is granted only to the top frame of the app's own origin showing that
 * screen, `#/p/<packageId>/v/<applicationId>`; any other route (the review screen, the dossier viewer, the
 * package list, the print window's routes), any sub-frame, any other origin and any other permission is
 * refused, so a page that is not the visit screen cannot even learn whether a camera is there.
 */
import { Id } from '../../shared/rubric/model.ts';

/** What a permission request or check says about who asks, reduced to what the decision reads. */
export interface PermissionAsk {
  /** The URL the asking frame last loaded (Electron's `requestingUrl`). */
  url: string | undefined;
  isMainFrame: boolean;
  /** The media asked for: a request's `mediaTypes`, or a check's one `mediaType`. */
  mediaTypes?: readonly string[];
  /** The security origin Electron reports beside the URL, when it does; it must be the app's too. */
  origin?: string;
}

/** The hash of the site-visit screen, the one route that may use the camera. */
const VISIT_ROUTE = /^#\/p\/([^/?#]+)\/v\/([^/?#]+)$/;
const PACKAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a hash is the site-visit screen of a package and application. */
export function isVisitRoute(hash: string): boolean {
  const m = VISIT_ROUTE.exec(hash);
  if (!m) return false;
  const [packageId, applicationId] = [m[1]!, m[2]!].map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return '';
    }
  });
  return PACKAGE_ID.test(packageId!) && Id.safeParse(applicationId).success;
}

/** `app://reviewdesk` and `app://reviewdesk/` are one origin. */
const sameOrigin = (a: string, b: string): boolean => a.replace(/\/$/, '') === b.replace(/\/$/, '');

/** Whether `url` is a page of the app itself (`<appOrigin>/index.html` or `<appOrigin>/`), with no credentials or port. */
function isAppPage(url: string, appOrigin: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  // Node gives a non-special scheme the opaque origin "null", so the parts are compared, not `u.origin`.
  if (`${u.protocol}//${u.host}` !== appOrigin || u.username || u.password || u.port) return null;
  if (u.pathname !== '/' && u.pathname !== '/index.html') return null;
  if (u.search) return null;
  return u;
}

/**
 * Allows only `media` with video alone (no audio), asked by the top frame of the app's own origin on the
 * site-visit screen; denies everything else. The same answer for a request and for a check.
 */
export function decidePermission(permission: string, ask: PermissionAsk, appOrigin: string): boolean {
  if (permission !== 'media') return false;
  if (!ask.isMainFrame || !ask.url) return false;
  if (ask.origin !== undefined && !sameOrigin(ask.origin, appOrigin)) return false;
  const page = isAppPage(ask.url, appOrigin);
  if (!page || !isVisitRoute(page.hash)) return false;
  const media = ask.mediaTypes ?? [];
  return media.length > 0 && media.every((m) => m === 'video');
}

/** The parts of Electron's permission request details (PermissionRequest, MediaAccessPermissionRequest) read here. */
export interface RequestDetails {
  requestingUrl: string;
  isMainFrame: boolean;
  mediaTypes?: readonly string[];
  securityOrigin?: string;
}

/** The ask of a permission request (`setPermissionRequestHandler`'s details). */
export function requestAsk(details: RequestDetails): PermissionAsk {
  return {
    url: details.requestingUrl,
    isMainFrame: details.isMainFrame,
    ...(details.mediaTypes ? { mediaTypes: details.mediaTypes } : {}),
    ...(details.securityOrigin !== undefined ? { origin: details.securityOrigin } : {}),
  };
}

/** The parts of Electron's PermissionCheckHandlerHandlerDetails read here. */
export interface CheckDetails {
  requestingUrl?: string;
  isMainFrame: boolean;
  mediaType?: string;
  securityOrigin?: string;
}

/** The ask of a permission check (`setPermissionCheckHandler`'s requesting origin and details). */
export function checkAsk(requestingOrigin: string, details: CheckDetails): PermissionAsk {
  return {
    url: details.requestingUrl,
    isMainFrame: details.isMainFrame,
    ...(details.mediaType ? { mediaTypes: [details.mediaType] } : {}),
    origin: details.securityOrigin ?? requestingOrigin,
  };
}

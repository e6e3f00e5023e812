/**
 * The folders a workspace keeps beside its database (the files at rest are
 * named in store.ts and lock.ts). One place, so that opening, sweeping and
 * every domain agree on where things live.
 */

/** The encrypted `.rpkg` files, as imported. */
export const PACKAGES_DIR = 'packages';
/** The secretariat's kept `.rsb` files, one per distinct file (`<sha256>.rsb`). */
export const BUNDLES_DIR = 'bundles';
/** Where the browser host streams the files of an import as they arrive (`*.partial`, swept at open). */
export const INCOMING_DIR = 'incoming';
/** The reviewer's signed `.rsb` exports (written through a reservation, see bundles/export.ts). */
export const EXPORTS_DIR = 'exports';
/** Inside exports/: files the records do not account for, kept for the reviewer. */
export const SET_ASIDE_DIR = 'set-aside';
/** The site-visit photos, each an age file encrypted to the workspace identity (`<uuid>.age`, see visits/photo-store.ts). */
export const PHOTOS_DIR = 'photos';

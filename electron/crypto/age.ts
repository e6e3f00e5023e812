/**
 * Transitional: the age implementation lives in ./age/ (import
 * './age/index.ts') and writeFileAtomic in ../fs/durable.ts. This file only
 * keeps the one importer that is not updated on this branch
 * (electron/cli/merge.ts, owned by the compiled-CLI work) building; delete it
 * once that import points at ../fs/durable.ts.
 */
export * from './age/index.ts';
export { writeFileAtomic } from '../fs/durable.ts';

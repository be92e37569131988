// The network's service: every read and write other files of the module (and other modules, through
// index.ts) call. Writes take (ctx: ServiceCtx, …) and are audited in their own transaction; reads
// take (db, …). The functions live in one file per resource.

export { clearNetworkCache } from './caches.ts';
export * from './coordinators.service.ts';
export * from './coverage.service.ts';
export * from './network-on.service.ts';
export * from './organisations.service.ts';
export type { Assignment, Coordinator, Organisation, Proposal } from './presenters.ts';
export * from './proposals.service.ts';
export { DEFAULT_NORM, getNorm, networkDataVersion, networkPublicCache, setNorm } from './settings.service.ts';

// Reusable choropleth map: renderer, legend, palettes and a small LRU cache for memoising renders.
export * from './choropleth.ts';
export { ChoroplethLegend } from './legend.tsx';
export { LruCache } from './lru.ts';
export * from './palette.ts';

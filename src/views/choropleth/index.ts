// Reusable choropleth map: renderer, legend and palettes (memoise renders with src/http/bounded-cache.ts).
export * from './choropleth.ts';
export { ChoroplethLegend, MapWithLegend } from './legend.tsx';
export * from './palette.ts';

// The network's memos, all bounded (their keys come from requests) and keyed on the data version
// (settings.service.ts), so a write anywhere makes them miss; a write in this process also clears
// them at once to free the memory.
import { BoundedCache } from '../../http/bounded-cache.ts';
import type { CoverageSummary } from './network.logic.ts';
import type { NetworkInputs, NetworkOnDate } from './network-on.service.ts';

export const caches = {
  /** Our tables as the computations read them, per data version. */
  inputs: new BoundedCache<Promise<NetworkInputs>>({ maxEntries: 4 }),
  /** The whole network of a date (coverage per municipality and coordinator), per data version. */
  networks: new BoundedCache<Promise<NetworkOnDate>>({ maxEntries: 60 }),
  /**
   * The key figures of a date, per data version: the timeline's monthly points. At most 1,200
   * month ends exist in the supported range of dates, so every timeline is answered from here once
   * its months were computed.
   */
  summaries: new BoundedCache<Promise<CoverageSummary>>({ maxEntries: 2500 }),
};

export function clearNetworkCache(): void {
  caches.inputs.clear();
  caches.networks.clear();
  caches.summaries.clear();
}

// Live-data blocks in articles (`{{netwerk 2019-09-30}}`): an extension point other modules fill
// (the survey module adds its response rate), and the network block this module ships. A block is
// resolved live in drafts and previews and frozen into the article when it is published, with the
// date it was true on.
import type { AppDeps } from '../../deps.ts';
import { formatDate, type Localized } from '../../i18n.ts';
import { networkOn } from '../network/index.ts';
import type { EmbedRef } from './markdown.logic.ts';

/** A kind of live-data block. Contribute one with `extensions: { newsEmbed: [provider] }` in a manifest. */
export interface NewsEmbedProvider {
  /** The word authors write: `{{kind YYYY-MM-DD}}` (lower case letters and hyphens). */
  kind: string;
  label: Localized;
  /** The sentence the block shows, e.g. "27 zorgcoördinatoren op 30 september 2019". */
  describe: (deps: AppDeps, date: string) => Promise<Localized>;
}

declare module '../../module.ts' {
  interface ExtensionPoints {
    newsEmbed: NewsEmbedProvider;
  }
}

export interface FrozenEmbed extends EmbedRef {
  text: Localized;
  /** When it was frozen (publication); null while it is live (a draft or preview). */
  frozenAt: string | null;
}

export const networkEmbed: NewsEmbedProvider = {
  kind: 'netwerk',
  label: { nl: 'Netwerk van zorgcoördinatoren', en: 'Care coordinator network' },
  describe: async (deps, date) => {
    const s = (await networkOn(deps.db, date)).summary;
    const nl = `${s.coordinators} zorgcoördinatoren mensenhandel op ${formatDate(date, 'nl')}`;
    const en = `${s.coordinators} care coordinators for human trafficking on ${formatDate(date, 'en')}`;
    if (s.municipalitiesTotal === 0) return { nl, en };
    return {
      nl: `${nl}; ${s.municipalitiesCovered} van de ${s.municipalitiesTotal} gemeenten hebben er een.`,
      en: `${en}; ${s.municipalitiesCovered} of ${s.municipalitiesTotal} municipalities have one.`,
    };
  },
};

export function embedProviders(deps: AppDeps): NewsEmbedProvider[] {
  return deps.modules.extensions('newsEmbed');
}

export function embedKinds(deps: AppDeps): string[] {
  return embedProviders(deps).map((p) => p.kind);
}

/** Resolves blocks now; a block whose data cannot be had says so instead of failing the page. */
export async function resolveEmbeds(deps: AppDeps, refs: readonly EmbedRef[], frozenAt: string | null): Promise<FrozenEmbed[]> {
  const providers = new Map(embedProviders(deps).map((p) => [p.kind, p]));
  const out: FrozenEmbed[] = [];
  for (const ref of refs) {
    const provider = providers.get(ref.kind);
    let text: Localized;
    try {
      text = provider
        ? await provider.describe(deps, ref.date)
        : { nl: 'Dit gegevensblok is niet beschikbaar.', en: 'This data block is not available.' };
    } catch {
      text = { nl: 'De gegevens van deze datum zijn niet beschikbaar.', en: 'The data of this date are not available.' };
    }
    out.push({ ...ref, text, frozenAt });
  }
  return out;
}

export function parseEmbeds(json: string): FrozenEmbed[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? (v as FrozenEmbed[]) : [];
  } catch {
    return [];
  }
}

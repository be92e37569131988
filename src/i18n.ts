// Dutch first, English second. Each module keeps its UI strings next to its code with
// defineMessages(); both languages are required by the type, so none can be forgotten.
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'gaz_lang';

export type Localized = { nl: string; en: string };
/** A message with parameters; `never[]` accepts any parameter list (parameters are contravariant). */
type MessageFn = (...args: never[]) => Localized;
type Catalog = Record<string, Localized | MessageFn>;
type Resolved<C extends Catalog> = {
  [K in keyof C]: C[K] extends (...args: infer A) => Localized ? (...args: A) => string : string;
};

/** Declares a module's messages; `msgs(locale)` resolves them to plain strings for one locale. */
export function defineMessages<C extends Catalog>(catalog: C): (locale: Locale) => Resolved<C> {
  const cache = new Map<Locale, Resolved<C>>();
  return (locale) => {
    let resolved = cache.get(locale);
    if (!resolved) {
      const built: Record<string, string | ((...args: unknown[]) => string)> = {};
      for (const [key, value] of Object.entries(catalog)) {
        built[key] =
          typeof value === 'function' ? (...args: unknown[]) => (value as (...a: unknown[]) => Localized)(...args)[locale] : value[locale];
      }
      resolved = built as Resolved<C>;
      cache.set(locale, resolved);
    }
    return resolved;
  };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks one language of a Localized text. */
export function tr(text: Localized, locale: Locale): string {
  return text[locale];
}

// Intl formatters are costly to make (about 0.1 ms each) and cheap to use: one per locale and style,
// made on first use and kept (a page of 2,000 numbers made 2,000 of them before).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (found === undefined) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  const make = () => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return formatter(`n:${locale}:${digits}`, make).format(value);
}

export function formatDate(isoDate: string, locale: Locale): string {
  const d = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  const make = () =>
    new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  return formatter(`d:${locale}`, make).format(d);
}

export function formatDateTime(iso: string, locale: Locale): string {
  const make = () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  return formatter(`t:${locale}`, make).format(new Date(iso));
}

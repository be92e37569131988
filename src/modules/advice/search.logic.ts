// Free-text queries for the two engines' full-text indexes (pure). PostgreSQL stems with its Dutch
// snowball configuration; SQLite's FTS5 has no Dutch stemmer, so each query word becomes a prefix
// with a light Dutch suffix rule ("signalen", "signaal" → signal*; "gesprekken" → gesprek*), which
// finds the same words in practice.

/** Words of a free-text query (letters and digits only, at most 8): safe in either engine's syntax. */
export function searchTokens(q: string): string[] {
  return (q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

const VOWELS = 'aeiou';

/** The prefix SQLite searches for a Dutch word: plural/inflection endings off, doubled letters single. */
export function dutchPrefix(word: string): string {
  let w = word.toLowerCase();
  if (w.length >= 6 && w.endsWith('en')) w = w.slice(0, -2);
  else if (w.length >= 5 && (w.endsWith('s') || w.endsWith('e'))) w = w.slice(0, -1);
  // gesprekk → gesprek
  if (w.length >= 4 && w.at(-1) === w.at(-2) && !VOWELS.includes(w.at(-1)!)) w = w.slice(0, -1);
  // signaal → signal, gesprook → gesprok
  const last = w.length - 1;
  if (w.length >= 5 && !VOWELS.includes(w[last]) && VOWELS.includes(w[last - 1]) && w[last - 1] === w[last - 2]) {
    w = w.slice(0, last - 1) + w[last];
  }
  return w;
}

/** The FTS5 MATCH expression: every word as a quoted prefix (AND). */
export function sqliteMatch(tokens: readonly string[]): string {
  return tokens.map((t) => `"${dutchPrefix(t)}"*`).join(' ');
}

/** The PostgreSQL tsquery text for to_tsquery('dutch', …): every word as a prefix (AND). */
export function postgresQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `${t.toLowerCase()}:*`).join(' & ');
}

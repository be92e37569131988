// Unit tests of the free-text query rules of both engines (no database).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dutchPrefix, postgresQuery, searchTokens, sqliteMatch } from './search.logic.ts';

describe('free-text queries', () => {
  it('keeps letters and digits only, at most eight words', () => {
    assert.deepEqual(searchTokens('  "signalen" OR  aanpak* (2019) -- x;'), ['signalen', 'OR', 'aanpak', '2019', 'x']);
    assert.equal(searchTokens('a b c d e f g h i j').length, 8);
    assert.deepEqual(searchTokens('Café’s'), ['Café', 's']);
  });
  it('turns Dutch words into prefixes that find their other forms (SQLite)', () => {
    for (const [word, prefix] of [
      ['signalen', 'signal'],
      ['signaal', 'signal'],
      ['gesprekken', 'gesprek'],
      ['gesprek', 'gesprek'],
      ['Uitbuiting', 'uitbuiting'],
      ['taken', 'taken'],
    ]) {
      assert.equal(dutchPrefix(word), prefix, word);
      assert.ok(prefix.length >= 3);
    }
    assert.equal(sqliteMatch(['signalen', 'Gouda']), '"signal"* "gouda"*');
    assert.equal(postgresQuery(['signalen', 'Gouda']), 'signalen:* & gouda:*');
  });
});

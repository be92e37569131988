// The building blocks as versioned data files: the file's own checks, the blocks the issue names, and
// a second version of the list added to a copy of blocks/ — statuses set under version 1 keep that
// version, a block the new list dropped keeps showing its last status marked with its version and can
// no longer be set, new statuses get version 2; on the scorecard page and in the API.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { postForm } from '../../../test/helpers/auth.ts';
import { BLOCKS_DIR, blocksOfVersion, currentBlocks, editableBlocks, findBlock, loadBlockFiles, parseBlockList } from './blocks.ts';
import { historyOf, setStatus } from './policy.service.ts';
import { scorecardOf } from './scorecard.ts';
import { type AdviceTest, adviceTest } from './test-kit.ts';

describe('building blocks', () => {
  it('holds the blocks the issue names, in five themes, with a derived care-coordination block', () => {
    const list = currentBlocks();
    assert.equal(list.themes.length, 5);
    for (const id of [
      'policy-adopted',
      'contact-official',
      'signal-route',
      'care-coordination',
      'frontline-trained',
      'all-forms-covered',
      'administrative-approach',
      'chain-consultation',
      'shelter-arrangements',
    ]) {
      assert.ok(findBlock(id), id);
    }
    assert.equal(findBlock('care-coordination')?.block.derived, 'network');
    assert.ok(!editableBlocks().some((b) => b.id === 'care-coordination'));
  });
  it('refuses a file with an unknown theme or a block twice', () => {
    const base = { version: 9, validFrom: '2020-01-01', source: 's', themes: [{ id: 't', label: { nl: 'a', en: 'a' } }] };
    const block = { id: 'b', theme: 't', level: 'basis', label: { nl: 'b', en: 'b' } };
    assert.throws(() => parseBlockList({ ...base, blocks: [{ ...block, theme: 'x' }] }), /unknown theme x/);
    assert.throws(() => parseBlockList({ ...base, blocks: [block, block] }), /listed twice/);
    assert.equal(parseBlockList({ ...base, blocks: [block] }).version, 9);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'gaz-advice-blocks-'));
const dirUrl = pathToFileURL(`${dir}/`);
let a: AdviceTest;
before(async () => {
  copyFileSync(new URL('policy-blocks-v1.json', BLOCKS_DIR), join(dir, 'policy-blocks-v1.json'));
  loadBlockFiles(dirUrl);
  a = await adviceTest(new Date('2024-03-01T10:00:00Z'));
});
after(async () => {
  await a?.t.close();
  loadBlockFiles();
  rmSync(dir, { recursive: true, force: true });
});

/** Version 2: 'awareness-partners' dropped, 'policy-evaluated' added, the label of 'policy-adopted' reworded. */
function writeVersion2() {
  const v1 = blocksOfVersion(1)!;
  const blocks = v1.blocks
    .filter((b) => b.id !== 'awareness-partners')
    .map((b) =>
      b.id === 'policy-adopted' ? { ...b, label: { nl: 'Vastgesteld beleid mensenhandel (herzien)', en: 'Adopted policy (revised)' } } : b,
    );
  blocks.push({
    id: 'policy-evaluated',
    theme: 'policy-basis',
    level: 'verdieping',
    label: { nl: 'Het beleid is geëvalueerd', en: 'The policy was evaluated' },
  });
  writeFileSync(join(dir, 'policy-blocks-v2.json'), JSON.stringify({ ...v1, version: 2, validFrom: '2024-01-01', blocks }));
  loadBlockFiles(dirUrl);
}

describe('a new version of the block list', () => {
  it('keeps old statuses under their version, shows a dropped block apart and sets new statuses under the new version', async () => {
    const ctx = a.as(a.adviser);
    const set = (block: string, status: 'in-progress' | 'in-place', date: string) =>
      setStatus(ctx, 'GM0344', block, { status, evidenceUrl: null, evidenceNote: null, effectiveDate: date });
    await set('policy-adopted', 'in-place', '2020-01-01');
    await set('awareness-partners', 'in-progress', '2020-01-01');
    writeVersion2();
    assert.equal(currentBlocks().version, 2);
    await set('policy-evaluated', 'in-progress', '2024-02-01');
    const versions = (await historyOf(a.t.deps.db, 'GM0344')).map((h) => `${h.blockId}:${h.blocksVersion}`).sort();
    assert.deepEqual(versions, ['awareness-partners:1', 'policy-adopted:1', 'policy-evaluated:2']);

    const card = await scorecardOf(a.t.deps, a.t.deps.db, 'GM0344', '2024-03-01');
    assert.equal(card.blocksVersion, 2);
    const blocks = card.themes.flatMap((t) => t.blocks);
    const adopted = blocks.find((b) => b.block.id === 'policy-adopted')!;
    assert.equal(adopted.block.label.nl, 'Vastgesteld beleid mensenhandel (herzien)', 'the current list names the block');
    assert.deepEqual([adopted.current?.status, adopted.current?.blocksVersion], ['in-place', 1]);
    assert.ok(!blocks.some((b) => b.block.id === 'awareness-partners'));
    assert.deepEqual(
      card.retired.map((r) => [r.block.id, r.version, r.current.status, r.block.label.nl]),
      [['awareness-partners', 1, 'in-progress', 'Voorlichting aan partners, ondernemers en inwoners']],
    );

    const s = await a.login(a.adviser);
    const page = await a.t.app.inject({ url: '/beheer/advies/gemeente/GM0344', cookies: s.cookies });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bouwstenen uit een eerdere versie van de lijst/);
    assert.match(page.body, /Voorlichting aan partners, ondernemers en inwoners \(versie 1\)/);
    assert.match(page.body, /Het beleid is geëvalueerd/);
    const dropped = await postForm(a.t, s, '/beheer/advies/gemeente/GM0344/beleid', {
      block: 'awareness-partners',
      status: 'in-place',
      effective_date: '2024-03-01',
    });
    assert.equal(dropped.statusCode, 400);
    assert.match(dropped.body, /staat niet meer in de huidige lijst \(versie 2\)/);

    const api = await a.t.app.inject({ url: '/api/v1/policy-status?date=2024-03-01', cookies: s.cookies });
    assert.equal(api.statusCode, 200);
    const body = JSON.parse(api.body) as {
      data: { code: string; blocks: { block: string; status: string | null; blocksVersion: number | null }[] }[];
      meta: { blocksVersion: number; blocks: { id: string }[] };
    };
    assert.equal(body.meta.blocksVersion, 2);
    assert.ok(!body.meta.blocks.some((b) => b.id === 'awareness-partners'));
    const utrecht = new Map(body.data.find((d) => d.code === 'GM0344')!.blocks.map((b) => [b.block, b]));
    assert.deepEqual([utrecht.get('policy-adopted')?.status, utrecht.get('policy-adopted')?.blocksVersion], ['in-place', 1]);
    assert.deepEqual([utrecht.get('policy-evaluated')?.status, utrecht.get('policy-evaluated')?.blocksVersion], ['in-progress', 2]);
  });
});

// The start-up map warm-up: it projects the map of each boundary file once, so the first page with a
// map reuses the projection; off (WARM_MAPS=false, and in tests by default) it draws nothing, and
// without reference data it draws nothing and fails nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createAtlasTestApp } from '../../../test/helpers/atlas.ts';
import { isProjected } from '../../views/choropleth/index.ts';
import { boundariesOn } from './boundaries.ts';
import { startMapWarmUp, warmMaps } from './warm-maps.ts';

function recordingLog(): { log: FastifyBaseLogger; lines: { level: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>) => void lines.push({ level, fields });
  return { log: { info: at('info'), warn: at('warn'), error: at('error') } as unknown as FastifyBaseLogger, lines };
}

async function municipalMap(t: TestApp, date: string) {
  const b = await boundariesOn(t.deps.db, date);
  assert.ok(b, `boundaries on ${date}`);
  return { topology: b.municipalities, object: 'municipalities' };
}

describe('drawing the maps at start', () => {
  let t: TestApp;
  before(async () => {
    t = await createAtlasTestApp(new Date('2026-12-03T08:00:00Z'));
  });
  after(async () => {
    await t.close();
  });

  it('is off in tests by default and then draws nothing', async () => {
    assert.equal(t.deps.config.warmMapsAtStart, false);
    const { log, lines } = recordingLog();
    await startMapWarmUp(t.deps, log).stop();
    assert.deepEqual(lines, []);
    assert.equal(isProjected(await municipalMap(t, '2019-06-30')), false);
    assert.equal(isProjected(await municipalMap(t, '2026-12-03')), false);
  });

  it('stopped before it begins, it draws nothing', async () => {
    const { log } = recordingLog();
    const worker = startMapWarmUp({ ...t.deps, config: { ...t.deps.config, warmMapsAtStart: true } }, log);
    await worker.stop();
    assert.equal(await worker.drawn, 0);
    assert.equal(isProjected(await municipalMap(t, '2019-06-30')), false);
  });

  it('projects the 2019 and the current map once, which every later map of that version reuses', async () => {
    const { log, lines } = recordingLog();
    const worker = startMapWarmUp({ ...t.deps, config: { ...t.deps.config, warmMapsAtStart: true } }, log);
    assert.equal(await worker.drawn, 2);
    await worker.stop();
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.equal(lines[0].level, 'info');
    assert.equal(lines[0].fields.drawn, 2);
    // Any date with the same boundary file gets the same topology object, so the projection is shared.
    assert.equal(isProjected(await municipalMap(t, '2019-06-30')), true);
    assert.equal(isProjected(await municipalMap(t, '2016-01-01')), true);
    assert.equal(isProjected(await municipalMap(t, '2026-12-03')), true);
    assert.equal(isProjected(await municipalMap(t, '2024-03-01')), true);
    // Another size, and the maps of 2021–2022 (derived per date), are drawn on first use.
    assert.equal(isProjected(await municipalMap(t, '2026-12-03'), 300, 360), false);
    assert.equal(isProjected(await municipalMap(t, '2021-06-30')), false);
  });
});

describe('drawing the maps at start without reference data', () => {
  it('draws nothing and logs no failure', async () => {
    const t = await createTestApp();
    try {
      assert.equal(await warmMaps(t.deps), 0);
      const { log, lines } = recordingLog();
      const worker = startMapWarmUp({ ...t.deps, config: { ...t.deps.config, warmMapsAtStart: true } }, log);
      assert.equal(await worker.drawn, 0);
      await worker.stop();
      assert.deepEqual(
        lines.map((l) => [l.level, l.fields.drawn]),
        [['info', 0]],
      );
    } finally {
      await t.close();
    }
  });
});

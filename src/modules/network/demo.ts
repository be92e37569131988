// Demo part: the care-coordination network of 2019 (DESIGN.md "The 2019 scenario"). 23
// coordinators active on 2018-12-31, 27 on 2019-09-30 (new in 2019: Tilburg, Helmond, Gooi en
// Vechtstreek, Flevoland); Zeeland stays remote, so the network is not closed; several areas are
// below the norm. People and posts are fictional and labelled "(voorbeeld)".
import type { AppDeps, ServiceCtx } from '../../deps.ts';
import { SYSTEM_ACTOR } from '../../http/request-user.ts';
import { DEMO_COORDINATOR_EMAIL, linkDemoCoordinator } from '../auth/index.ts';
import { DEMO_COORDINATORS, DEMO_CUSTOM_REGIONS, DEMO_LINKED_COORDINATOR, vr } from './demo-plan.ts';
import { addCoverage, changeFte, createCoordinator, createCustomRegion, createOrganisation, listCoordinators } from './service.ts';

export async function loadNetworkDemo(deps: AppDeps, log: (line: string) => void = () => {}): Promise<void> {
  const existing = await listCoordinators(deps.db);
  if (existing.some((x) => x.name.endsWith('(voorbeeld)'))) {
    log('demo: network already loaded');
    return;
  }
  const ctx: ServiceCtx = { db: deps.db, actor: { ...SYSTEM_ACTOR, label: 'demo' }, now: deps.now() };
  const customIds = new Map<string, string>();
  for (const [key, region] of Object.entries(DEMO_CUSTOM_REGIONS)) {
    customIds.set(key, `custom-${await createCustomRegion(ctx, region.name, region.codes)}`);
  }
  const orgIds = new Map<string, number>();
  for (const d of DEMO_COORDINATORS) {
    let orgId = orgIds.get(d.organisation.name);
    if (orgId === undefined) {
      orgId = await createOrganisation(ctx, d.organisation);
      orgIds.set(d.organisation.name, orgId);
    }
    const id = await createCoordinator(ctx, {
      name: d.name,
      organisationId: orgId,
      phone: null,
      email: null,
      webPage: null,
      fte: d.fte,
      activeFrom: d.activeFrom,
      activeTo: null,
    });
    const custom = DEMO_CUSTOM_REGIONS[d.area];
    const codes = custom ? custom.codes : vr(d.area);
    await addCoverage(ctx, id, codes, d.activeFrom, custom ? customIds.get(d.area)! : d.area);
    if (d.fteChange) await changeFte(ctx, id, d.fteChange.fte, d.fteChange.from);
  }
  await linkDemoCoordinatorUser(deps, log);
  log(`demo: ${DEMO_COORDINATORS.length} care coordinators loaded`);
}

async function linkDemoCoordinatorUser(deps: AppDeps, log: (line: string) => void) {
  const coordinators = await listCoordinators(deps.db);
  const target = coordinators.find((x) => x.name === DEMO_COORDINATORS.find((d) => d.key === DEMO_LINKED_COORDINATOR)!.name);
  if (!target) return;
  await linkDemoCoordinator(deps, target.id);
  log(`demo: the demo coordinator account (${DEMO_COORDINATOR_EMAIL}) edits "${target.name}"`);
}

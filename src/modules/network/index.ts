// The network's public face: care coordinators, their dated coverage and capacity, the public
// finder, /netwerk, staff management, coordinator self-service, the gap report and the network API.
import type { Db } from '../../db/database.ts';
import { defineModule } from '../../module.ts';
import { loadNetworkDemo } from './demo.ts';
import { networkPanel } from './panel.tsx';
import { registerNetworkRoutes } from './routes.ts';

export {
  type Coordinator,
  createCoordinator,
  createOrganisation,
  municipalityNetwork,
  type NetworkOnDate,
  networkDataVersion,
  networkOn,
  networkPublicCache,
} from './service.ts';
export type { TimelinePoint } from './timeline.logic.ts';
export { FinderForm } from './views/finder.tsx';

/** Whether a coordinator record exists: the auth module links a coordinator account only to one that does. */
export async function coordinatorExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('network_coordinators').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export const networkModule = defineModule({
  name: 'network',
  dependsOn: ['audit', 'auth', 'atlas'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerNetworkRoutes,
  // After the accounts (it links the demo coordinator account) and the reference data.
  demo: { after: ['auth', 'atlas'], load: loadNetworkDemo },
  staffLinks: [
    {
      href: '/beheer/netwerk',
      label: { nl: 'Netwerk van zorgcoördinatoren', en: 'Care coordinator network' },
      description: {
        nl: 'Zorgcoördinatoren, organisaties, dekking en voorstellen.',
        en: 'Coordinators, organisations, coverage and proposals.',
      },
      permission: 'staff',
    },
  ],
  profilePanels: [networkPanel],
  extensions: { coordinatorDirectory: [{ exists: coordinatorExists }] },
  openapiTag: { name: 'network', description: 'Het netwerk van zorgcoördinatoren mensenhandel op elke datum (open data)' },
});

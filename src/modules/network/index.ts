// The network's public face: care coordinators, their dated coverage and capacity, the public
// finder, /netwerk, staff management, coordinator self-service, the gap report and the network API.
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
} from './service.ts';
export { FinderForm } from './views/finder.tsx';

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
  openapiTag: { name: 'network', description: 'Het netwerk van zorgcoördinatoren mensenhandel op elke datum (open data)' },
});

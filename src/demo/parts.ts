// The demo parts in the order they load. Each module's demo.ts calls registerDemoPart().
export {};

import '../modules/auth/demo.ts'; // accounts, before the network part that links the coordinator account
import '../modules/network/demo.ts'; // after the atlas and auth parts

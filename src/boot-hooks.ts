// Wires modules into start-up (src/boot.ts). Kept apart so boot.ts does not import every module.
import { setBootHooks } from './boot.ts';

import { atlasBootHooks } from './modules/atlas/boot.ts';

setBootHooks({ ...atlasBootHooks });

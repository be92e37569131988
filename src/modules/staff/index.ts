// The staff start page /beheer: a card for every staff link a module declares in its manifest.
import { defineModule } from '../../module.ts';
import { registerStaffRoutes } from './routes.tsx';

export const staffModule = defineModule({ name: 'staff', routes: registerStaffRoutes });

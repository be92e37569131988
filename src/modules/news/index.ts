// The news module: articles and personal stories (Markdown rendered to safe HTML, scheduled
// publication, revisions, live-data blocks), images, the public pages and feeds, the newsletter
// with double opt-in subscribers, editions sent through the outbox at a set rate, bounces,
// statistics and the API. One module rather than two: editions are made of articles, and the
// subscriber pages, the archive and the article pages link to each other throughout.
import { defineModule } from '../../module.ts';
import { loadNewsDemo } from './demo.ts';
import { networkEmbed } from './embeds.ts';
import { newsJobs } from './jobs.ts';
import { newsPrivacy } from './privacy.ts';
import { registerNewsRoutes } from './routes.ts';

export type { NewsEmbedProvider } from './embeds.ts';

declare module '../../http/permissions.ts' {
  interface ModulePermissions {
    editor: true;
  }
}

export const newsModule = defineModule({
  name: 'news',
  dependsOn: ['audit', 'outbox', 'jobs', 'auth', 'atlas', 'network'],
  migrations: new URL('./migrations/', import.meta.url),
  routes: registerNewsRoutes,
  permissions: {
    editor: {
      roles: ['admin', 'adviser'],
      grant: 'editor',
      description: 'Writes and publishes news and stories (advisers; admins can grant it)',
    },
  },
  jobs: newsJobs,
  demo: { after: ['auth', 'network'], load: loadNewsDemo },
  extensions: { newsEmbed: [networkEmbed], privacyStatement: [newsPrivacy] },
  staffLinks: [
    {
      href: '/beheer/nieuws',
      label: { nl: 'Nieuws en verhalen', en: 'News and stories' },
      description: {
        nl: 'Berichten en verhalen schrijven, inplannen en intrekken.',
        en: 'Write, schedule and withdraw articles and stories.',
      },
      permission: 'editor',
    },
    {
      href: '/beheer/nieuwsbrief',
      label: { nl: 'Nieuwsbrief', en: 'Newsletter' },
      description: { nl: 'Nieuwsbrieven maken en versturen, abonnees, cijfers.', en: 'Make and send newsletters, subscribers, figures.' },
      permission: 'staff',
    },
  ],
  openapiTag: { name: 'news', description: 'Nieuws, verhalen en aanmelden voor de nieuwsbrief' },
});

// Public home page, accessibility statement and privacy statement. The first two are text of the code
// only, so their anonymous answers are kept in the public cache for the day (UNCHANGING); the privacy
// statement adds the modules' `privacyStatement` paragraphs (privacy.ts) and is kept while their data
// versions are unchanged.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { UNCHANGING } from '../../http/public-cache.ts';
import { sendPage } from '../../http/render.tsx';
import { privacyVersion, readPrivacyStatements } from './privacy.ts';
import { AccessibilityPage, accessibilityTitle } from './views/accessibility.tsx';
import { HomePage, homeTitle } from './views/home.tsx';
import { PrivacyPage, privacyTitle } from './views/privacy.tsx';

const PUBLIC_CACHE = 'public, max-age=300';
const PUBLIC = { permission: 'public', publicCache: UNCHANGING } as const;

export async function registerHomeRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/', { config: PUBLIC }, async (req, reply) =>
    sendPage(req, reply, { title: homeTitle(req.locale), cacheControl: PUBLIC_CACHE, islands: ['finder'] }, <HomePage />),
  );
  app.get('/toegankelijkheid', { config: PUBLIC }, async (req, reply) =>
    sendPage(req, reply, { title: accessibilityTitle(req.locale), cacheControl: PUBLIC_CACHE }, <AccessibilityPage />),
  );
  const contributions = deps.modules.extensions('privacyStatement');
  const privacy = { permission: 'public', publicCache: privacyVersion(contributions) } as const;
  app.get('/privacy', { config: privacy }, async (req, reply) => {
    const paragraphs = await readPrivacyStatements(contributions, deps.db, deps.now());
    return sendPage(
      req,
      reply,
      { title: privacyTitle(req.locale), cacheControl: PUBLIC_CACHE },
      <PrivacyPage modules={paragraphs.map((p) => p[req.locale])} />,
    );
  });
}

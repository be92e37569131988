// /beheer/advies/instellingen (admins): the intensive-contact threshold and the responsible adviser per
// province and safety region; /beheer/advies/profiel (staff): one's own public profile.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AppDeps, todayOf } from '../../deps.ts';
import type { FieldError } from '../../http/errors.ts';
import { sendPage } from '../../http/render.tsx';
import { currentUser, parseId, serviceCtx } from '../../http/route-kit.ts';
import { msg } from '../../http/validate.ts';
import { regionsByType } from '../atlas/index.ts';
import { handleForm, type Values } from './form-kit.ts';
import { staffMembers } from './people.ts';
import { profileForm } from './schema.ts';
import { getSettings, profileOf, saveOwnProfile, saveSettings } from './settings.service.ts';
import { adviceCrumbs } from './views/parts.tsx';
import { ProfilePage, profileTitle, SettingsPage, settingsTitle } from './views/settings.tsx';

async function renderSettings(deps: AppDeps, req: FastifyRequest, values: Values | null, errs: FieldError[], status = 200) {
  const today = todayOf(deps);
  const [settings, staff, provinces, safety] = await Promise.all([
    getSettings(deps.db),
    staffMembers(deps.db),
    regionsByType(deps.db, 'province', today),
    regionsByType(deps.db, 'safety-region', today),
  ]);
  const current: Values = values ?? {
    threshold: String(settings.threshold),
    fallback: settings.fallback ? String(settings.fallback) : '',
    ...Object.fromEntries(Object.entries(settings.advisers).map(([r, id]) => [`adviser_${r}`, String(id)])),
  };
  const title = settingsTitle(req.locale);
  const saved = (req.query as Record<string, unknown> | undefined)?.opgeslagen === '1';
  return {
    title,
    breadcrumbs: adviceCrumbs(req.locale, { label: title }),
    status,
    body: (
      <SettingsPage
        values={current}
        errors={errs}
        staff={staff.map((s) => ({ value: String(s.id), label: s.name }))}
        provinces={provinces.map((r) => ({ value: r.code, label: r.name }))}
        safetyRegions={safety.map((r) => ({ value: r.code, label: r.name }))}
        saved={saved}
      />
    ),
  };
}

const settingsForm = z.record(z.string(), z.unknown()).transform((body, ctx) => {
  const threshold = Number(body.threshold);
  if (!/^\d{1,3}$/.test(String(body.threshold ?? '').trim()) || threshold < 1 || threshold > 100) {
    ctx.addIssue({
      code: 'custom',
      path: ['threshold'],
      message: msg({ nl: 'Vul een geheel getal in van 1 tot en met 100.', en: 'Enter a whole number from 1 to 100.' }).error,
    });
  }
  const advisers: Record<string, number> = {};
  let fallback: number | null = null;
  const bad = msg({ nl: 'Kies een medewerker uit de lijst.', en: 'Choose a staff member from the list.' }).error;
  for (const [key, value] of Object.entries(body)) {
    if (key !== 'fallback' && !/^adviser_(PV\d{2}|VR\d{2})$/.test(key)) continue;
    if (value === '' || value === undefined) continue;
    const id = parseId(value);
    if (id === null) ctx.addIssue({ code: 'custom', path: [key], message: bad });
    else if (key === 'fallback') fallback = id;
    else advisers[key.slice('adviser_'.length)] = id;
  }
  return { threshold, advisers, fallback };
});

export function registerSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/beheer/advies/instellingen', { config: { permission: 'admin' } }, async (req, reply) => {
    const page = await renderSettings(deps, req, null, []);
    return sendPage(req, reply, page, page.body);
  });

  app.post('/beheer/advies/instellingen', { config: { permission: 'admin' } }, (req, reply) =>
    handleForm(req, reply, {
      schema: settingsForm,
      render: async (values, errs, status) => {
        const page = await renderSettings(deps, req, values, errs, status);
        return sendPage(req, reply, page, page.body);
      },
      act: async (d) => {
        await saveSettings(serviceCtx(req, deps), d);
        return '/beheer/advies/instellingen?opgeslagen=1';
      },
    }),
  );

  const renderProfile = async (req: FastifyRequest, values: Values | null, errs: FieldError[], status = 200) => {
    const user = currentUser(req);
    const own = await profileOf(deps.db, user.id);
    const current: Values = values ?? {
      display_name: own?.displayName ?? user.name ?? '',
      role_title: own?.roleTitle ?? 'Adviseur',
      organisation: own?.organisation ?? '',
      published: own?.published ? '1' : '',
    };
    const title = profileTitle(req.locale);
    const saved = (req.query as Record<string, unknown> | undefined)?.opgeslagen === '1';
    return {
      title,
      breadcrumbs: adviceCrumbs(req.locale, { label: title }),
      status,
      body: <ProfilePage values={current} errors={errs} saved={saved} />,
    };
  };

  app.get('/beheer/advies/profiel', { config: { permission: 'staff' } }, async (req, reply) => {
    const page = await renderProfile(req, null, []);
    return sendPage(req, reply, page, page.body);
  });

  app.post('/beheer/advies/profiel', { config: { permission: 'staff' } }, (req, reply) =>
    handleForm(req, reply, {
      schema: profileForm,
      render: async (values, errs, status) => {
        const page = await renderProfile(req, values, errs, status);
        return sendPage(req, reply, page, page.body);
      },
      act: async (d) => {
        await saveOwnProfile(serviceCtx(req, deps), currentUser(req).id, {
          displayName: d.display_name,
          roleTitle: d.role_title,
          organisation: d.organisation,
          published: d.published,
        });
        return '/beheer/advies/profiel?opgeslagen=1';
      },
    }),
  );
}

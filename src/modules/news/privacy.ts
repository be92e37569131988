// The news module's paragraph on /privacy (the home module's `privacyStatement` extension point):
// newsletter subscribers' data, the 72-hour expiry of unconfirmed sign-ups, and whether opens and
// clicks are counted — read from the `tracking` setting, so the statement says what the admin chose.
// Its data version is that setting; saving the settings calls newsSettingsChanged, so the change
// shows at once on the instance that saved it (and within about 2 s on the others).
import type { Db } from '../../db/database.ts';
import { publicCacheVersion } from '../../http/public-cache.ts';
import type { PrivacyStatementContribution } from '../home/index.ts';
import { getSetting } from './editions.queries.ts';
import { newsChanged } from './public-version.ts';

const trackingOn = async (db: Db) => (await getSetting(db, 'tracking')) === '1';

export const newsPrivacyVersion = publicCacheVersion('news-privacy', async (db) => ((await trackingOn(db)) ? 'tracking' : 'no-tracking'));

/** The newsletter settings changed (in this instance): the public pages and the privacy statement. */
export function newsSettingsChanged(db: Db): void {
  newsChanged(db);
  newsPrivacyVersion.changed(db);
}

const TRACKING = {
  on: {
    nl: 'Of u een nieuwsbrief opent of op een link klikt, tellen wij per nieuwsbrief; dit staat aan.',
    en: 'Whether you open a newsletter or click a link is counted per newsletter; this is on.',
  },
  off: {
    nl: 'Of u een nieuwsbrief opent of op een link klikt, tellen wij niet; dit staat uit.',
    en: 'Whether you open a newsletter or click a link is not counted; this is off.',
  },
};

export const newsPrivacy: PrivacyStatementContribution = {
  id: 'news.subscribers',
  version: newsPrivacyVersion,
  read: async (db) => {
    const tracking = (await trackingOn(db)) ? TRACKING.on : TRACKING.off;
    return {
      nl: `Van abonnees op de nieuwsbrief: e-mailadres, en als u die opgeeft naam, organisatie en gemeente, uw onderwerpen en wanneer en hoe u toestemming gaf of die introk. Onbevestigde aanmeldingen wissen wij na 72 uur. ${tracking.nl} Met de link in elke nieuwsbrief kunt u uw gegevens downloaden of wissen.`,
      en: `Of newsletter subscribers: email address, and if you give them name, organisation and municipality, your topics, and when and how you gave or withdrew consent. Unconfirmed sign-ups are deleted after 72 hours. ${tracking.en} With the link in every newsletter you can download or erase your data.`,
    };
  },
};

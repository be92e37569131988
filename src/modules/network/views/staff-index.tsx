// /beheer/netwerk: the start page of the network's staff area.
import { defineMessages } from '../../../i18n.ts';
import { Heading1, Notice, Paragraph } from '../../../views/components.tsx';
import { usePage } from '../../../views/context.ts';

export const indexText = defineMessages({
  title: { nl: 'Beheer netwerk', en: 'Manage network' },
  heading: { nl: 'Beheer netwerk zorgcoördinatoren', en: 'Manage the care-coordinator network' },
  pending: (n: number) => ({ nl: `${n} voorstel(len) wacht(en) op een besluit.`, en: `${n} proposal(s) await a decision.` }),
  coordinators: { nl: 'Zorgcoördinatoren', en: 'Care coordinators' },
  organisations: { nl: 'Organisaties', en: 'Organisations' },
  proposals: { nl: 'Voorstellen tot wijziging van dekking', en: 'Coverage change proposals' },
  regions: { nl: 'Eigen regio’s', en: 'Custom regions' },
  gaps: { nl: 'Tekorten: gemeenten zonder of met te weinig capaciteit', en: 'Gaps: municipalities without or with too little capacity' },
  norm: { nl: 'Capaciteitsnorm', en: 'Capacity norm' },
  publicMap: { nl: 'Openbare kaart van het netwerk', en: 'Public network map' },
});

export function StaffIndex(props: { pending: number; isAdmin: boolean }) {
  const t = indexText(usePage().locale);
  const links: [string, string][] = [
    ['/beheer/netwerk/coordinatoren', t.coordinators],
    ['/beheer/netwerk/organisaties', t.organisations],
    ['/beheer/netwerk/voorstellen', t.proposals],
    ['/beheer/netwerk/regios', t.regions],
    ['/beheer/netwerk/tekorten', t.gaps],
    ...(props.isAdmin ? ([['/beheer/netwerk/norm', t.norm]] as [string, string][]) : []),
    ['/netwerk', t.publicMap],
  ];
  return (
    <>
      <Heading1>{t.heading}</Heading1>
      {props.pending > 0 ? (
        <Notice kind="info">
          <Paragraph>{t.pending(props.pending)}</Paragraph>
        </Notice>
      ) : null}
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        {links.map(([href, label]) => (
          <li class="utrecht-link-list__item" key={href}>
            <a class="utrecht-link-list__link utrecht-link" href={href}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

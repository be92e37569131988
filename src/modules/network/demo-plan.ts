// The demo network of 2019 as plain data (no I/O), used by demo.ts and by tests. People and posts
// are fictional and labelled "(voorbeeld)"; organisation types are realistic.
import { SAFETY_REGIONS_2019 } from './demo-areas.ts';
import type { OrganisationType } from './tables.ts';

export const vr = (code: string) => SAFETY_REGIONS_2019[code].codes;

/** Centre-municipality regions (2019 codes) used where a coordinator covers part of a safety region. */
export const DEMO_CUSTOM_REGIONS: Record<string, { name: string; codes: string[] }> = {
  hartVanBrabant: {
    name: 'Zorgregio Hart van Brabant (voorbeeld)',
    // Tilburg and its neighbours; Haaren (GM0788) merged into four municipalities on 2021-01-01.
    codes: ['GM0855', 'GM0766', 'GM0784', 'GM0785', 'GM0798', 'GM0809', 'GM0824', 'GM0867', 'GM0797', 'GM0788'],
  },
  westBrabant: {
    name: 'Zorgregio West-Brabant (voorbeeld)',
    codes: vr('VR20').filter((c) => !['GM0855', 'GM0766', 'GM0784', 'GM0785', 'GM0798', 'GM0809', 'GM0824', 'GM0867'].includes(c)),
  },
  helmondDePeel: {
    name: 'Zorgregio Helmond-De Peel (voorbeeld)',
    codes: ['GM0794', 'GM0743', 'GM0762', 'GM1652', 'GM1659', 'GM0847'],
  },
  eindhoven: {
    name: 'Zorgregio Zuidoost-Brabant (voorbeeld)',
    codes: vr('VR22').filter((c) => !['GM0794', 'GM0743', 'GM0762', 'GM1652', 'GM1659', 'GM0847'].includes(c)),
  },
  brabantNoord: {
    name: 'Zorgregio Noordoost-Brabant (voorbeeld)',
    codes: vr('VR21').filter((c) => !['GM0797', 'GM0788'].includes(c)),
  },
};

export interface DemoCoordinator {
  key: string;
  name: string;
  organisation: { name: string; type: OrganisationType; website: string | null };
  fte: number;
  activeFrom: string;
  /** A safety region code (VRxx) or a key of DEMO_CUSTOM_REGIONS. */
  area: string;
  fteChange?: { fte: number; from: string };
}

const c = (
  key: string,
  area: string,
  region: string,
  orgName: string,
  type: OrganisationType,
  fte: number,
  activeFrom: string,
  fteChange?: { fte: number; from: string },
): DemoCoordinator => ({
  key,
  name: `Zorgcoördinator regio ${region} (voorbeeld)`,
  organisation: { name: `${orgName} (voorbeeld)`, type, website: null },
  fte,
  activeFrom,
  area,
  fteChange,
});

/** The 27 coordinators of the demo network. */
export const DEMO_COORDINATORS: DemoCoordinator[] = [
  c('groningen', 'VR01', 'Groningen', 'GGD Groningen', 'ggd', 1.0, '2016-01-01'),
  c('fryslan', 'VR02', 'Fryslân', 'Opvangorganisatie Fryslân', 'shelter', 0.8, '2016-03-01'),
  c('drenthe', 'VR03', 'Drenthe', 'GGD Drenthe', 'ggd', 0.6, '2016-09-01'),
  c('ijsselland', 'VR04', 'IJsselland', 'Zorg- en Veiligheidshuis IJsselland', 'care-and-safety-house', 0.6, '2017-01-01'),
  c('twente', 'VR05', 'Twente', 'Zorg- en Veiligheidshuis Twente', 'care-and-safety-house', 0.8, '2016-01-01'),
  c('noordoostgelderland', 'VR06', 'Noord- en Oost-Gelderland', 'Gemeente Apeldoorn', 'municipality', 0.5, '2017-06-01'),
  c('gelderlandmidden', 'VR07', 'Gelderland-Midden', 'Gemeente Arnhem', 'municipality', 0.8, '2016-05-01'),
  c('gelderlandzuid', 'VR08', 'Gelderland-Zuid', 'Veiligheidshuis Gelderland-Zuid', 'care-and-safety-house', 0.6, '2017-02-01'),
  c('utrecht', 'VR09', 'Utrecht', 'Gemeente Utrecht', 'municipality', 1.2, '2016-01-01'),
  c('noordhollandnoord', 'VR10', 'Noord-Holland-Noord', 'Gemeente Alkmaar', 'municipality', 0.8, '2016-10-01'),
  c('zaanstreek', 'VR11', 'Zaanstreek-Waterland', 'Opvangorganisatie Zaanstreek', 'shelter', 0.4, '2018-01-01'),
  c('kennemerland', 'VR12', 'Kennemerland', 'GGD Kennemerland', 'ggd', 0.6, '2017-04-01'),
  c('amsterdam', 'VR13', 'Amsterdam-Amstelland', 'Gemeente Amsterdam', 'municipality', 1.5, '2016-01-01'),
  c('amsterdam2', 'VR13', 'Amsterdam-Amstelland (opvang)', 'Opvangorganisatie Amsterdam', 'shelter', 0.5, '2018-04-01'),
  c('haaglanden', 'VR15', 'Haaglanden', 'Gemeente Den Haag', 'municipality', 1.2, '2016-01-01'),
  c('hollandsmidden', 'VR16', 'Hollands Midden', 'Veiligheidshuis Hollands Midden', 'care-and-safety-house', 0.5, '2017-09-01', {
    fte: 0.6,
    from: '2019-06-01',
  }),
  c('rotterdam', 'VR17', 'Rotterdam-Rijnmond', 'Gemeente Rotterdam', 'municipality', 1.5, '2016-01-01'),
  c('zuidhollandzuid', 'VR18', 'Zuid-Holland-Zuid', 'Veiligheidshuis Zuid-Holland-Zuid', 'care-and-safety-house', 0.5, '2017-03-01'),
  c('westbrabant', 'westBrabant', 'West-Brabant', 'GGD West-Brabant', 'ggd', 0.8, '2016-11-01'),
  c(
    'brabantnoord',
    'brabantNoord',
    'Noordoost-Brabant',
    'Zorg- en Veiligheidshuis Noordoost-Brabant',
    'care-and-safety-house',
    0.4,
    '2017-05-01',
  ),
  c('eindhoven', 'eindhoven', 'Zuidoost-Brabant', 'Gemeente Eindhoven', 'municipality', 0.8, '2016-06-01'),
  c('limburgnoord', 'VR23', 'Limburg-Noord', 'Veiligheidshuis Limburg-Noord', 'care-and-safety-house', 0.4, '2018-02-01'),
  c('zuidlimburg', 'VR24', 'Zuid-Limburg', 'GGD Zuid-Limburg', 'ggd', 0.6, '2016-09-01'),
  // Added during 2019.
  c('tilburg', 'hartVanBrabant', 'Hart van Brabant (Tilburg)', 'Gemeente Tilburg', 'municipality', 0.6, '2019-03-01'),
  c('gooi', 'VR14', 'Gooi en Vechtstreek', 'Regio Gooi en Vechtstreek', 'other', 0.4, '2019-04-01'),
  c('helmond', 'helmondDePeel', 'Helmond-De Peel', 'Gemeente Helmond', 'municipality', 0.4, '2019-05-01'),
  c('flevoland', 'VR25', 'Flevoland', 'GGD Flevoland', 'ggd', 0.5, '2019-07-01'),
];

/** Which demo coordinator the demo coordinator account edits. */
export const DEMO_LINKED_COORDINATOR = 'zuidhollandzuid';

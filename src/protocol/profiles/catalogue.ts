// The five protocols Nolan ships with, as a council would describe them: what kind of council each was
// written for, where it is (for bank holidays) and what it calls its electoral areas. Pure data: the demo
// council, the directory and the pages read it; the full rules live in each profile's own module.
import type { Nation } from '../types.ts';

export type CouncilKind = 'principal' | 'town';
export type AreaTerm = 'ward' | 'division';
export type CouncilType = 'unitary' | 'city' | 'county' | 'district' | 'town';

export type CatalogueEntry = {
  id: string;
  name: string;
  /** The council the protocol was written for, in one line. */
  council: string;
  councilType: CouncilType;
  councilKind: CouncilKind;
  nation: Nation;
  areaTerm: AreaTerm;
};

export const catalogue: readonly CatalogueEntry[] = [
  {
    id: 'model',
    name: 'Model protocol for relationships between members and officers',
    council: 'A principal council with a Leader and Cabinet',
    councilType: 'unitary',
    councilKind: 'principal',
    nation: 'england-and-wales',
    areaTerm: 'ward',
  },
  {
    id: 'bristol-2019',
    name: 'Bristol City Council member/officer protocol (draft, September 2019)',
    council: 'A city council with a directly elected Mayor and Scrutiny Commissions',
    councilType: 'city',
    councilKind: 'principal',
    nation: 'england-and-wales',
    areaTerm: 'ward',
  },
  {
    id: 'town-2026',
    name: 'Town council protocol on councillor and officer relations (2026)',
    council: 'A town council whose Clerk is its Proper Officer and Responsible Financial Officer',
    councilType: 'town',
    councilKind: 'town',
    nation: 'england-and-wales',
    areaTerm: 'ward',
  },
  {
    id: 'county',
    name: 'County council protocol on relations between members and employees',
    council: 'A county council elected by electoral divisions, with a Cabinet',
    councilType: 'county',
    councilKind: 'principal',
    nation: 'england-and-wales',
    areaTerm: 'division',
  },
  {
    id: 'district-section-d',
    name: 'District council constitution, Section D: member and officer relations',
    council: 'A district council with a Cabinet Leader, a Chairman of the Council and Overview Committees',
    councilType: 'district',
    councilKind: 'principal',
    nation: 'england-and-wales',
    areaTerm: 'ward',
  },
];

export const profileIds: readonly string[] = catalogue.map((entry) => entry.id);

export function findProfile(id: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.id === id);
}

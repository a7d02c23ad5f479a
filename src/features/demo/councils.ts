// The invented council that demonstrates each bundled protocol: its name, web domain, election cycle, the
// balance of its groups and what it calls its bodies. Every name here is made up.

export type Party = { name: string; shortName: string };

const LABOUR: Party = { name: 'Labour', shortName: 'Lab' };
const CONSERVATIVE: Party = { name: 'Conservative', shortName: 'Con' };
const LIB_DEM: Party = { name: 'Liberal Democrat', shortName: 'LD' };
const GREEN: Party = { name: 'Green', shortName: 'Grn' };

/** The names a principal council gives the ten bodies every demo has, slot by slot. */
export type BodyNames = {
  fullCouncil: string;
  cabinet: string;
  mainScrutiny: string;
  secondScrutiny: string;
  planning: string;
  licensing: string;
  standards: string;
  employment: string;
  audit: string;
  workingGroup: string;
};

export type DemoCouncil = {
  name: string;
  domain: string;
  /** A year of ordinary elections; they recur every four years. */
  cycleYear: number;
  /** Largest group first. */
  parties: Party[];
  bodies: BodyNames;
  /** Whether the council runs social care (a unitary, city or county council) or not (a district). */
  upperTier: boolean;
  county: boolean;
};

const standardBodies: BodyNames = {
  fullCouncil: 'Full Council',
  cabinet: 'Cabinet',
  mainScrutiny: 'Overview and Scrutiny Management Committee',
  secondScrutiny: 'Communities Scrutiny Committee',
  planning: 'Planning Committee',
  licensing: 'Licensing Committee',
  standards: 'Standards Committee',
  employment: 'Appointments and Employment Committee',
  audit: 'Audit and Governance Committee',
  workingGroup: 'Climate and Nature Working Group',
};

export const demoCouncils: Record<string, DemoCouncil> = {
  model: {
    name: 'Ashdown Vale Council',
    domain: 'ashdownvale.gov.uk',
    cycleYear: 2023,
    parties: [LABOUR, CONSERVATIVE, LIB_DEM, GREEN],
    bodies: standardBodies,
    upperTier: true,
    county: false,
  },
  'bristol-2019': {
    name: 'Severnmouth City Council',
    domain: 'severnmouth.gov.uk',
    cycleYear: 2024,
    parties: [LABOUR, GREEN, LIB_DEM, CONSERVATIVE],
    bodies: {
      ...standardBodies,
      mainScrutiny: 'Overview and Scrutiny Management Board',
      secondScrutiny: 'Growth and Regeneration Scrutiny Commission',
      planning: 'Development Control Committee',
      standards: 'Values and Ethics Sub-Committee',
      employment: 'Human Resources Committee',
      audit: 'Audit Committee',
    },
    upperTier: true,
    county: false,
  },
  county: {
    name: 'Wealdshire County Council',
    domain: 'wealdshire.gov.uk',
    cycleYear: 2025,
    parties: [CONSERVATIVE, LIB_DEM, LABOUR, GREEN],
    bodies: {
      ...standardBodies,
      mainScrutiny: 'Scrutiny Management Committee',
      secondScrutiny: 'Children and Families Scrutiny Committee',
      planning: 'Planning and Regulatory Committee',
      licensing: 'Rights of Way Committee',
      employment: 'Chief Officer Appointments Committee',
    },
    upperTier: true,
    county: true,
  },
  'district-section-d': {
    name: 'Elmsworth District Council',
    domain: 'elmsworth.gov.uk',
    cycleYear: 2023,
    parties: [LIB_DEM, CONSERVATIVE, GREEN, LABOUR],
    bodies: {
      ...standardBodies,
      fullCouncil: 'Council',
      mainScrutiny: 'Corporate Overview Committee',
      secondScrutiny: 'Community Overview Committee',
      employment: 'Employment Committee',
    },
    upperTier: false,
    county: false,
  },
  'town-2026': {
    name: 'Millbrook Town Council',
    domain: 'millbrook-tc.gov.uk',
    cycleYear: 2023,
    parties: [LIB_DEM, CONSERVATIVE],
    bodies: standardBodies,
    upperTier: false,
    county: false,
  },
};

/** What each body is for, in a line, as its terms of reference would open. */
export const REMITS: Record<keyof BodyNames, string> = {
  fullCouncil: 'Every member. Sets the budget and the policy framework, adopts the constitution and this protocol.',
  cabinet: 'Takes executive decisions within the budget and policy framework; each member holds a portfolio.',
  mainScrutiny: 'Holds the Cabinet to account, calls in decisions and sets the scrutiny work programme.',
  secondScrutiny: 'Reviews services to residents and the decisions the Cabinet takes about them.',
  planning: 'Decides planning applications that officers may not decide under delegated powers.',
  licensing: 'Hears licensing and registration matters, and appeals, in hearings that follow the rules of natural justice.',
  standards: 'Promotes high standards of conduct, and hears complaints that a member broke the code of conduct.',
  employment: 'Appoints chief officers, and hears their disciplinary matters and appeals.',
  audit: 'Oversees internal and external audit, risk management and the annual governance statement.',
  workingGroup: 'A cross-party group set up to draft the council’s climate and nature action plan.',
};

// A demo council as plain data before it is stored: people and bodies refer to each other by their place in
// these lists, and the service turns places into database ids as it writes them.
import type { Role } from '../../web/access.ts';
import type { Council } from '../directory/council.repository.ts';
import type { BodyKind, Capacity, Grade, GroupRole, SeatRole, StatutoryRoleName } from '../directory/directory.types.ts';

export type PlannedMember = {
  fullName: string;
  email: string;
  phone: string;
  ward: number;
  group: number | null;
  groupRole: GroupRole | null;
  termStart: string;
  termEnd: string;
  portfolio: string | null;
};

export type PlannedBody = { name: string; kind: BodyKind; remit: string; seats: { member: number; role: SeatRole }[] };

export type PlannedOfficer = {
  fullName: string;
  email: string;
  jobTitle: string;
  grade: Grade;
  service: number;
  /** Always an officer earlier in the list, so that managers are stored before their reports. */
  manager: number | null;
  restricted: boolean;
};

export type PlannedRole = {
  officer: number;
  role: StatutoryRoleName;
  capacity: Capacity;
  startsOn: string;
  endsOn: string | null;
  acting: { fromDate: string; toDate: string; reason: string }[];
};

/** One sign-in per role for people trying the demo. `label` is what the start-up message calls it. */
export type PlannedSignIn = { label: string; roles: Role[]; member?: number; officer?: number };

export type DemoPlan = {
  council: Council;
  domain: string;
  wards: string[];
  groups: { name: string; shortName: string }[];
  members: PlannedMember[];
  bodies: PlannedBody[];
  services: string[];
  officers: PlannedOfficer[];
  roles: PlannedRole[];
  signIns: PlannedSignIn[];
};

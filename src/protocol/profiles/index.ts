// Every bundled profile, by id.
import type { Profile } from '../types.ts';
import { model } from './model/index.ts';
import { bristol2019 } from './bristol-2019/index.ts';
import { town2026 } from './town-2026/index.ts';
import { county } from './county/index.ts';
import { districtSectionD } from './district-section-d/index.ts';

export const PROFILES: Profile[] = [model, bristol2019, town2026, county, districtSectionD];

export function findFullProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

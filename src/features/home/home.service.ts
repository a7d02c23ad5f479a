// What each role sees first: a member their ward, group, seats and term; a group leader their group; an
// officer their statutory roles and reports; democratic services the directory's gaps; an administrator the
// accounts that need a look. A person with several roles sees each role's panels.
import type { Deps } from '../../deps.ts';
import { ukDate } from '../../clock.ts';
import type { CurrentUser } from '../../web/access.ts';
import { memberPanels } from './member-panels.ts';
import { officerPanels } from './officer-panels.ts';
import { adminPanels, democraticServicesPanels } from './oversight-panels.ts';
import { briefingPanels } from '../briefings/briefing-panels.ts';
import type { Panel } from './panel.ts';
import { accessRequestPanels } from '../access-requests/access-request-panels.ts';

export type { Panel, PanelItem } from './panel.ts';

export async function homePanels(deps: Pick<Deps, 'db' | 'clock'>, user: CurrentUser): Promise<Panel[]> {
  const now = deps.clock.now();
  const day = ukDate(now);
  const panels: Panel[] = [...(await memberPanels(deps, user, day)), ...(await officerPanels(deps, user, day)), ...(await briefingPanels(deps, user, day))];
  panels.push(...(await accessRequestPanels(deps, user, day)));
  if (user.roles.includes('democratic-services')) panels.push(...(await democraticServicesPanels(deps, day)));
  if (user.roles.includes('admin')) panels.push(...(await adminPanels(deps, now)));
  if (user.roles.length === 0 && user.powers.length === 0 && panels.length === 0) {
    panels.push({ title: 'Your access', items: [{ text: 'Your account has no roles yet. Ask your council’s Nolan administrator to assign one.' }] });
  }
  return panels;
}

// The council's directory of members, officers and committees, from the outside.
import type { NavEntry } from '../../web/views.ts';

export { councilSummary } from './council.repository.ts';

export const navigation: readonly NavEntry[] = [
  { href: '/members', text: 'Members' },
  { href: '/officers', text: 'Officers' },
  { href: '/bodies', text: 'Committees' },
];

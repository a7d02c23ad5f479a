// Asking the protocol, from the outside.
import type { NavEntry } from '../../web/views.ts';

export const navigation: readonly NavEntry[] = [{ href: '/protocol', text: 'Ask the protocol' }];

// The home page, from the outside.
import type { NavEntry } from '../../web/views.ts';

export const navigation: readonly NavEntry[] = [{ href: '/', text: 'Home' }];

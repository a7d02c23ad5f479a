// People's accounts and signing in, from the outside.
import type { NavEntry } from '../../web/views.ts';

export { sessionStore } from './session-store.ts';

export const navigation: readonly NavEntry[] = [
  { href: '/account', text: 'Your account' },
  { href: '/sign-out', text: 'Sign out' },
  { href: '/sign-in', text: 'Sign in', signedOut: true },
];

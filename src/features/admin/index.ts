// The admin pages, from the outside.
import type { NavEntry } from '../../web/views.ts';
import { adminIndexAccess } from './admin.routes.ts';

// The Monitoring Officer reaches the audit trail and the protocol document through Admin without an admin role.
export const navigation: readonly NavEntry[] = [{ href: '/admin', text: 'Admin', access: adminIndexAccess }];

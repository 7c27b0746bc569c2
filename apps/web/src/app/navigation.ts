import type { Role } from '@atelier/contracts';
import type { IconName } from '../components/icon.tsx';

/** The screens of the navigation; `side-nav.tsx` names each in the user's language. */
export type NavId = 'orders' | 'control' | 'plan' | 'run' | 'inspect' | 'workQueue' | 'designer' | 'tokens' | 'admin';

/** A link of the side navigation; `children` are shown indented below it. */
export interface NavItem {
  id: NavId;
  to: string;
  icon: IconName;
  /** Who is offered the screen. The API checks every call anyway: this keeps each role's menu short. */
  roles: readonly Role[];
  children?: NavItem[];
}

const MANAGEMENT: readonly Role[] = ['manager'];

/** The screens of SPEC §3, in the order a factory uses them. */
export const NAVIGATION: NavItem[] = [
  // Integrators sign in mostly to check what their pushed orders look like.
  { to: '/orders', id: 'orders', icon: 'orders', roles: ['manager', 'integrator'] },
  {
    to: '/control',
    id: 'control',
    icon: 'control',
    roles: MANAGEMENT,
    children: [
      { to: '/control/plan', id: 'plan', icon: 'plan', roles: MANAGEMENT },
      { to: '/control/run', id: 'run', icon: 'run', roles: MANAGEMENT },
      { to: '/control/inspect', id: 'inspect', icon: 'inspect', roles: MANAGEMENT },
    ],
  },
  { to: '/work-queue', id: 'workQueue', icon: 'queue', roles: ['operator'] },
  { to: '/designer', id: 'designer', icon: 'designer', roles: ['designer'] },
  { to: '/tokens', id: 'tokens', icon: 'tokens', roles: MANAGEMENT },
  { to: '/admin', id: 'admin', icon: 'admin', roles: ['admin'] },
];

/** The navigation a user with `roles` is offered: the screens of any of their roles, in menu order. */
export function navigationFor(roles: readonly Role[], items: readonly NavItem[] = NAVIGATION): NavItem[] {
  return items
    .filter((item) => item.roles.some((role) => roles.includes(role)))
    .map((item) => (item.children ? { ...item, children: navigationFor(roles, item.children) } : item));
}

/** Where a user lands after sign-in when no page asked for them: the first screen their roles offer. */
export function homePathFor(roles: readonly Role[]): string {
  const [first] = navigationFor(roles);
  if (!first) return '/orders';
  return first.children?.[0]?.to ?? first.to;
}

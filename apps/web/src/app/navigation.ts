import type { Role } from '@atelier/contracts';
import type { IconName } from '../components/icon.tsx';

/** A link of the side navigation; `children` are shown indented below it. */
export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Who is offered the screen. The API checks every call anyway: this keeps each role's menu short. */
  roles: readonly Role[];
  children?: NavItem[];
}

const MANAGEMENT: readonly Role[] = ['manager'];

/** The screens of SPEC §3, in the order a factory uses them. */
export const NAVIGATION: NavItem[] = [
  // Integrators sign in mostly to check what their pushed orders look like.
  { to: '/orders', label: 'Orders', icon: 'orders', roles: ['manager', 'integrator'] },
  {
    to: '/control',
    label: 'Production Control',
    icon: 'control',
    roles: MANAGEMENT,
    children: [
      { to: '/control/plan', label: 'Plan', icon: 'plan', roles: MANAGEMENT },
      { to: '/control/run', label: 'Run', icon: 'run', roles: MANAGEMENT },
      { to: '/control/inspect', label: 'Inspect', icon: 'inspect', roles: MANAGEMENT },
    ],
  },
  { to: '/work-queue', label: 'Work Queue', icon: 'queue', roles: ['operator'] },
  { to: '/designer', label: 'Designer', icon: 'designer', roles: ['designer'] },
  { to: '/tokens', label: 'Tokens', icon: 'tokens', roles: MANAGEMENT },
  { to: '/admin', label: 'Admin', icon: 'admin', roles: ['admin'] },
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

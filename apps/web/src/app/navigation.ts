import type { IconName } from '../components/icon.tsx';

/** A link of the side navigation; `children` are shown indented below it. */
export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  children?: NavItem[];
}

/** The screens of SPEC §3, in the order a factory uses them. */
export const NAVIGATION: NavItem[] = [
  { to: '/orders', label: 'Orders', icon: 'orders' },
  {
    to: '/control',
    label: 'Production Control',
    icon: 'control',
    children: [
      { to: '/control/plan', label: 'Plan', icon: 'plan' },
      { to: '/control/run', label: 'Run', icon: 'run' },
      { to: '/control/inspect', label: 'Inspect', icon: 'inspect' },
    ],
  },
  { to: '/work-queue', label: 'Work Queue', icon: 'queue' },
  { to: '/designer', label: 'Designer', icon: 'designer' },
  { to: '/tokens', label: 'Tokens', icon: 'tokens' },
  { to: '/admin', label: 'Admin', icon: 'admin' },
];

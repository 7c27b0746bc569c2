/**
 * The demo factory's places and people: work centers, skills, teams, shifts, a dozen operators
 * (Thai and European craftspeople) with skill levels and station PINs, and the office staff with
 * passwords. The codes are the shared demo vocabulary the routings reference. PINs and passwords
 * are demo credentials, listed in the README.
 */

/** The work centers and skills are the domain's shared demo vocabulary (also used by the routings). */
export { DEMO_SKILLS, DEMO_WORK_CENTERS } from '@atelier/domain';

/** A team; `workCenter` is its home work center (none for the atelier, whose artisans move between benches). */
export const DEMO_TEAMS: readonly { code: string; name: string; workCenter: string | null }[] = [
  { code: 'CUTTING-ROOM', name: 'Cutting room', workCenter: 'CUT' },
  { code: 'STITCHING-LINE', name: 'Stitching line', workCenter: 'STI' },
  { code: 'FINISHING', name: 'Finishing', workCenter: 'EDG' },
  { code: 'QC-PACKING', name: 'Quality & packing', workCenter: 'QCI' },
  { code: 'ATELIER', name: 'Atelier', workCenter: null },
];

const hours = (h: number, m = 0): number => h * 60 + m;

/** Shifts in minutes from local midnight; weekdays 1 = Monday … 7 = Sunday. */
export const DEMO_SHIFTS: readonly {
  code: string;
  name: string;
  startMinute: number;
  endMinute: number;
  weekdays: number[];
  team: string;
}[] = [
  {
    code: 'DAY-CUT',
    name: 'Day shift — cutting room',
    startMinute: hours(7),
    endMinute: hours(16),
    weekdays: [1, 2, 3, 4, 5, 6],
    team: 'CUTTING-ROOM',
  },
  {
    code: 'DAY-STI',
    name: 'Day shift — stitching line',
    startMinute: hours(7),
    endMinute: hours(16),
    weekdays: [1, 2, 3, 4, 5, 6],
    team: 'STITCHING-LINE',
  },
  {
    code: 'LATE-STI',
    name: 'Late shift — stitching line',
    startMinute: hours(13),
    endMinute: hours(22),
    weekdays: [1, 2, 3, 4, 5],
    team: 'STITCHING-LINE',
  },
  {
    code: 'DAY-FIN',
    name: 'Day shift — finishing',
    startMinute: hours(7),
    endMinute: hours(16),
    weekdays: [1, 2, 3, 4, 5, 6],
    team: 'FINISHING',
  },
  {
    code: 'DAY-QCP',
    name: 'Day shift — quality & packing',
    startMinute: hours(8),
    endMinute: hours(17),
    weekdays: [1, 2, 3, 4, 5, 6],
    team: 'QC-PACKING',
  },
  {
    code: 'ATELIER',
    name: 'Atelier hours',
    startMinute: hours(8, 30),
    endMinute: hours(17, 30),
    weekdays: [1, 2, 3, 4, 5],
    team: 'ATELIER',
  },
];

/** An operator: station login by badge or name + PIN; `present` is today's attendance. */
export interface DemoOperator {
  username: string;
  displayName: string;
  badgeId: string;
  pin: string;
  team: string;
  present: boolean;
  skills: Readonly<Record<string, number>>;
}

export const DEMO_OPERATORS: readonly DemoOperator[] = [
  {
    username: 'somchai.k',
    displayName: 'Somchai Kittisak',
    badgeId: 'B-1101',
    pin: '1101',
    team: 'CUTTING-ROOM',
    present: true,
    skills: { cutting: 5, skiving: 4 },
  },
  {
    username: 'napat.s',
    displayName: 'Napat Srisuk',
    badgeId: 'B-1102',
    pin: '1102',
    team: 'CUTTING-ROOM',
    present: true,
    skills: { cutting: 3, skiving: 3 },
  },
  {
    username: 'giulia.b',
    displayName: 'Giulia Bianchi',
    badgeId: 'B-1103',
    pin: '1103',
    team: 'CUTTING-ROOM',
    present: true,
    skills: { cutting: 4, skiving: 2, edge_painting: 2 },
  },
  {
    username: 'kanokwan.c',
    displayName: 'Kanokwan Chaiyaporn',
    badgeId: 'B-1104',
    pin: '1104',
    team: 'STITCHING-LINE',
    present: true,
    skills: { stitching: 5, assembly: 3 },
  },
  {
    username: 'anan.b',
    displayName: 'Anan Boonmee',
    badgeId: 'B-1105',
    pin: '1105',
    team: 'STITCHING-LINE',
    present: true,
    skills: { stitching: 3, assembly: 4 },
  },
  {
    username: 'matteo.r',
    displayName: 'Matteo Rossi',
    badgeId: 'B-1106',
    pin: '1106',
    team: 'STITCHING-LINE',
    present: true,
    skills: { stitching: 4, assembly: 4, hardware: 3 },
  },
  {
    username: 'pranee.w',
    displayName: 'Pranee Wongsawat',
    badgeId: 'B-1107',
    pin: '1107',
    team: 'FINISHING',
    present: true,
    skills: { edge_painting: 5, hardware: 3 },
  },
  {
    username: 'elodie.m',
    displayName: 'Élodie Marchand',
    badgeId: 'B-1108',
    pin: '1108',
    team: 'FINISHING',
    present: true,
    skills: { edge_painting: 4, assembly: 3, hardware: 2 },
  },
  {
    username: 'siriporn.t',
    displayName: 'Siriporn Thongdee',
    badgeId: 'B-1109',
    pin: '1109',
    team: 'QC-PACKING',
    present: true,
    skills: { qc_inspection: 5, packing: 4 },
  },
  {
    username: 'lucas.m',
    displayName: 'Lucas Moreau',
    badgeId: 'B-1110',
    pin: '1110',
    team: 'QC-PACKING',
    present: false,
    skills: { qc_inspection: 3, packing: 5 },
  },
  {
    username: 'wichai.r',
    displayName: 'Wichai Rattanakorn',
    badgeId: 'B-1111',
    pin: '1111',
    team: 'ATELIER',
    present: true,
    skills: { saddle_stitching: 5, edge_painting: 5, cutting: 4, stitching: 4, assembly: 4, skiving: 3 },
  },
  {
    username: 'henrik.l',
    displayName: 'Henrik Lindqvist',
    badgeId: 'B-1112',
    pin: '1112',
    team: 'ATELIER',
    present: true,
    skills: { saddle_stitching: 4, edge_painting: 4, skiving: 4, qc_inspection: 4, packing: 2 },
  },
];

/** Office staff who sign in with a username and password. */
export interface DemoStaff {
  username: string;
  displayName: string;
  password: string;
  roles: readonly ('admin' | 'designer' | 'manager')[];
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  { username: 'manager', displayName: 'Ploy Suwannarat', password: 'atelier-manager', roles: ['manager'] },
  { username: 'designer', displayName: 'Claire Dubois', password: 'atelier-designer', roles: ['designer'] },
  { username: 'admin', displayName: 'Narin Chaisri', password: 'atelier-admin', roles: ['admin'] },
];

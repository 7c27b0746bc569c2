/** A screen of SPEC §3 that later work builds; its page says what it will do. */
export interface PlannedScreen {
  path: string;
  title: string;
  eyebrow?: string;
  audience: string;
  summary: string;
  capabilities: string[];
}

/** Every screen of the navigation except Orders, which is live. */
export const PLANNED_SCREENS: PlannedScreen[] = [
  {
    path: 'control/plan',
    eyebrow: 'Production Control',
    title: 'Plan',
    audience: 'Production managers',
    summary: 'When each order will finish, and whether the work centers can carry the load.',
    capabilities: [
      'Calendar and Gantt view of manufacturing orders and atelier jobs, with due dates and projected finish',
      'Capacity per work center per day: planned load against hours available from shifts and present operators',
      'Orders at risk of missing their due date, flagged before they are late',
    ],
  },
  {
    path: 'control/run',
    eyebrow: 'Production Control',
    title: 'Run',
    audience: 'Production managers',
    summary: 'The live floor: every piece and work item where it is right now, and the commands to steer it.',
    capabilities: [
      'Kanban with a column per routing node or work center; cards are work items and tokens, updated live',
      'Release orders, assign and reassign work, prioritise, pause',
      'Cancel pieces in bulk (QC fail, redesign, permanent) with a reason',
      'Manager inbox: approve hand-offs, replacements, overdue escalations and unassignable work',
    ],
  },
  {
    path: 'control/inspect',
    eyebrow: 'Production Control',
    title: 'Inspect',
    audience: 'Production managers and engineers',
    summary: 'Where the flow slows down, and the full history of any piece.',
    capabilities: [
      'The routing graph with live piece counts per node as a heat map',
      'Work in progress, queue time and cycle time per node, with a bottleneck ranking',
      'Throughput over time',
      'A piece’s complete timeline and genealogy: components, rework passes, replacements',
    ],
  },
  {
    path: 'work-queue',
    title: 'Work Queue',
    audience: 'Operators and artisans, on a station tablet',
    summary: 'Each operator’s own work: what to do next, how, and for how long so far.',
    capabilities: [
      'Station mode: pick your name or badge and sign in with a PIN',
      '“My work” and “Available” lists with large touch targets and live updates',
      'Claim, start, pause, resume and complete, with timers and the step’s instructions',
      'QC pass or fail with reason codes; hand-off to a named colleague',
    ],
  },
  {
    path: 'designer',
    title: 'Designer',
    audience: 'Graph designers, on a desktop',
    summary: 'Draw and version the routing graphs that every piece travels through.',
    capabilities: [
      'Canvas with a palette of node presets (Cutting, Skiving, Stitching, QC, Split, Join …) and a properties panel',
      'Live validation: the issues list highlights the offending nodes and edges, and errors block publishing',
      'Undo and redo, auto-layout, import and export as routing-graph/v1 JSON',
      'Versions: edit a draft, publish it, retire old versions; pieces stay on the version they were released on',
    ],
  },
  {
    path: 'tokens',
    title: 'Tokens',
    audience: 'Production managers',
    summary: 'Find any physical piece by serial and act on pieces in bulk.',
    capabilities: [
      'Search pieces by serial, order, state and node',
      'Bulk cancel with a type (QC fail, redesign, permanent) and a reason, all or nothing',
      'See each cancelled piece’s replacement, and the piece it replaced',
    ],
  },
  {
    path: 'admin',
    title: 'Admin',
    audience: 'Administrators',
    summary: 'The people, skills and places the engine assigns work to.',
    capabilities: [
      'Users and roles, skills with levels, teams',
      'Work centers with their capacity, and shifts',
      'Node presets for the designer',
      'API keys for integrators: created once, stored hashed, revocable',
    ],
  },
];

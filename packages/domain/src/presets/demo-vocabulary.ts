/**
 * The shared demo vocabulary: the work centers and skills the default presets, the demo routings
 * in `examples/routings/` and the seed data all use. Real installations define their own in Admin.
 */

/** Demo work centers; `capacity` is the number of parallel stations. */
export const DEMO_WORK_CENTERS: readonly { code: string; name: string; capacity: number }[] = [
  { code: 'CUT', name: 'Cutting', capacity: 3 },
  { code: 'SKV', name: 'Skiving', capacity: 2 },
  { code: 'EDG', name: 'Edge Painting', capacity: 2 },
  { code: 'STI', name: 'Stitching', capacity: 4 },
  { code: 'ASM', name: 'Assembly', capacity: 3 },
  { code: 'HRD', name: 'Hardware Fitting', capacity: 2 },
  { code: 'QCI', name: 'Quality Inspection', capacity: 2 },
  { code: 'PCK', name: 'Packing', capacity: 2 },
];

/** Demo skills (levels 1–5). */
export const DEMO_SKILLS: readonly { code: string; name: string }[] = [
  { code: 'cutting', name: 'Leather Cutting' },
  { code: 'skiving', name: 'Skiving' },
  { code: 'edge_painting', name: 'Edge Painting' },
  { code: 'stitching', name: 'Machine Stitching' },
  { code: 'saddle_stitching', name: 'Hand Saddle Stitching' },
  { code: 'assembly', name: 'Assembly' },
  { code: 'hardware', name: 'Hardware Fitting' },
  { code: 'qc_inspection', name: 'QC Inspection' },
  { code: 'packing', name: 'Packing' },
];

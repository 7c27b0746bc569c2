/** The demo's registered station: every demo work center, so every demo operator signs in on it. */
export const DEMO_STATION_NAME = 'Shop-floor tablet';

/** The work centers of the demo station. */
export const DEMO_STATION_WORK_CENTERS: readonly string[] = ['CUT', 'STI', 'EDG', 'QCI'];

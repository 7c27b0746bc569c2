/**
 * What the factory knows beyond the graph. Each part is optional; the checks that need it
 * (`UNKNOWN_REFERENCE`, skill and capacity warnings) run only when it is given.
 */
export interface ValidationContext {
  /** Known work centers; `capacity` is the number of parallel stations. */
  workCenters?: readonly { code: string; capacity: number }[];
  /** Known skill codes. */
  skills?: readonly string[];
  /** Operators with their skill levels; `active: false` ones are ignored (default active). */
  operators?: readonly { active?: boolean; skills: readonly { code: string; level: number }[] }[];
  /** Known preset codes (defaults and user presets). */
  presetCodes?: readonly string[];
}

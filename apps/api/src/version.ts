import packageJson from '../package.json' with { type: 'json' };

/** The API's release version (from its package.json), reported by health and OpenAPI. */
export const appVersion: string = packageJson.version;

// A classic script, so it runs before the app's modules: every zod schema is built after it.
// zod would otherwise probe `new Function` when the contracts' schemas are defined, and the app's
// CSP (no `unsafe-eval`) reports that probe as a violation. This sets zod's shared config object
// (`globalThis.__zod_globalConfig`) to jitless without loading zod.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

export * from './node-preset.ts';
export * from './default-presets.ts';
export * from './apply-preset.ts';
export * from './demo-vocabulary.ts';

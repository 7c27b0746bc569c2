export * from './cancel-tokens.ts';

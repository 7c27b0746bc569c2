export * from './types.ts';
export * from './token-machine.ts';
export * from './work-item-transitions.ts';
export * from './apply-work-item-command.ts';
export * from './work-item-machine.ts';
export * from './worked-time.ts';

export * from './claim-deadline.ts';
export * from './work-item-limits.ts';
export * from './qualification.ts';
export * from './order-machine.ts';
export * from './visit-number.ts';

export * from './errors';
export * from './schemas';
export * from './contract';
export * from './client';
export * from './validate';
export * from './records';
export * from './pickers';

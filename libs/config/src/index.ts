export * from './duban-config';
export * from './duban-config.module';
export * from './start-app';

export * from './duban-config';
export * from './duban-config.module';

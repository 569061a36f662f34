export * from './duban-config';

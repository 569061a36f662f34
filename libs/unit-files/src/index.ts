export * from './table-rows';

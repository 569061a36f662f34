export * from './errors';
export * from './roles';
export * from './duty/duty-state-machine';
export * from './duty/duty-permissions';
export * from './duty/duty-clock';
export * from './calendar/working-calendar';
export * from './campaign/duty-matrix';

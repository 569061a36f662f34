export * from './duty-email-templates';
export * from './mail-transport';
export * from './compliance-notice';
export * from './assessment-emails';
export * from './account-emails';
export * from './inspection-emails';
export * from './notice-link';

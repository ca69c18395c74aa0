export * from './access/roles.js';
export * from './access/permissions.js';
export * from './access/scope.js';

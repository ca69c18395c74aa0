export * from './command.js';
export * from './progress-bar.js';
export * from './run-cli.js';

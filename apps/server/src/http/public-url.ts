import type { Config } from '../config/config.js';

/**
 * The address people open links in e-mails at: PUBLIC_URL, else this server's own host and port. Never the
 * request's Host header, which a caller could set to make a reset link point at their own site.
 */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${config.PORT}`;
}

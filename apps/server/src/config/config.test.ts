import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives working defaults on an empty environment', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.PORT).toBe(8080);
    expect(config.DATA_DIR).toBe('/srv/app/data');
    expect(config.PGLITE_DIR).toBe('/srv/app/data/pglite');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DEMO_DATA).toBe(true);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ADMIN_EMAIL: 'not-an-email', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'ADMIN_EMAIL', 'LOG_LEVEL']) expect(problems).toContain(name);
    }
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together and a long password', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.org' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'short' })).toThrow(/12 characters/);
  });

  it('wants a long metrics token without spaces', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN.*32 characters/);
    expect(() => loadConfig({ METRICS_TOKEN: `${'a'.repeat(20)} ${'b'.repeat(20)}` })).toThrow(/METRICS_TOKEN.*spaces/);
    expect(loadConfig({ METRICS_TOKEN: 'c'.repeat(32) }).METRICS_TOKEN).toBe('c'.repeat(32));
    expect(loadConfig({}).METRICS_TOKEN).toBeUndefined();
  });

  it('needs bucket and keys when storage is S3', () => {
    expect(() => loadConfig({ STORAGE: 's3' })).toThrow(/S3_BUCKET[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/);
  });

  it('treats empty strings as unset and reads booleans', () => {
    const config = loadConfig({ DATABASE_URL: '  ', DEMO_DATA: 'no', TRUST_PROXY: 'on' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DEMO_DATA).toBe(false);
    expect(config.TRUST_PROXY).toBe(true);
  });
});

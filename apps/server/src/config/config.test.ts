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

  it('reads the alerting channels with their defaults', () => {
    const config = loadConfig({});
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.SMS_PROVIDER).toBeUndefined();
    expect(config.TWILIO_BASE_URL).toBe('https://api.twilio.com');
    expect(config.WHATSAPP_BASE_URL).toBe('https://graph.facebook.com/v21.0');
    expect(config.SMS_DLT_TEMPLATES).toEqual({});
    expect([config.RATE_EMAIL_PER_SECOND, config.RATE_SMS_PER_SECOND, config.RATE_WHATSAPP_PER_SECOND]).toEqual([20, 10, 20]);
    expect(config.ALERT_FALLBACK_MINUTES).toBe(10);
    expect(config.ALERT_CONTACT_LANGUAGE).toBe('hi');
    const dlt = loadConfig({ SMS_DLT_TEMPLATES: 'alert=1107161234567890123,update=1107161234567890124 Cancel=1107161234567890125' });
    expect(dlt.SMS_DLT_TEMPLATES).toEqual({ alert: '1107161234567890123', update: '1107161234567890124', cancel: '1107161234567890125' });
    expect(() => loadConfig({ SMS_DLT_TEMPLATES: 'alert:1107' })).toThrow(/SMS_DLT_TEMPLATES/);
    expect(() => loadConfig({ ALERT_CONTACT_LANGUAGE: 'fr' })).toThrow(/ALERT_CONTACT_LANGUAGE/);
  });

  it('wants the companions of each channel provider', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org:587' })).toThrow(/MAIL_FROM.*SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'a@example.org' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMS_PROVIDER: 'twilio' })).toThrow(/TWILIO_ACCOUNT_SID[\s\S]*TWILIO_AUTH_TOKEN[\s\S]*TWILIO_FROM/);
    expect(
      loadConfig({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_MESSAGING_SERVICE_SID: 'MG1' })
        .TWILIO_MESSAGING_SERVICE_SID,
    ).toBe('MG1');
    expect(() => loadConfig({ SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'https://gw.example.in/sms' })).toThrow(/SMS_WEBHOOK_SECRET/);
    expect(() => loadConfig({ WHATSAPP_PHONE_NUMBER_ID: '1065' })).toThrow(
      /WHATSAPP_TOKEN[\s\S]*WHATSAPP_APP_SECRET[\s\S]*WHATSAPP_VERIFY_TOKEN[\s\S]*WHATSAPP_TEMPLATE/,
    );
  });

  it('never repeats an SMTP password in its complaints', () => {
    try {
      loadConfig({ SMTP_URL: 'smtp://alerts:hunter2-secret@mail.example.org:587' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).message).toContain('MAIL_FROM');
      expect((error as ConfigError).message).not.toContain('hunter2');
    }
  });

  it('treats empty strings as unset and reads booleans', () => {
    const config = loadConfig({ DATABASE_URL: '  ', DEMO_DATA: 'no', TRUST_PROXY: 'on' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DEMO_DATA).toBe(false);
    expect(config.TRUST_PROXY).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { channelNames } from './channel.js';
import { createChannels, describeChannels, redactUrl } from './create-channels.js';
import { dltTemplateId } from './dlt-templates.js';

describe('createChannels', () => {
  it('has no adapter for any channel when nothing is configured (the outbox-viewer case)', async () => {
    const channels = createChannels(loadConfig({}));
    for (const channel of channelNames) expect(channels.get(channel)).toBeNull();
    expect(channels.rate('email')).toEqual({ perSecond: 20, burst: 20 });
    expect(channels.rate('sms')).toEqual({ perSecond: 10, burst: 10 });
    expect(channels.rate('whatsapp')).toEqual({ perSecond: 20, burst: 20 });
    await channels.close();
  });

  it('makes the configured adapters with their rates and one bucket per channel', async () => {
    const channels = createChannels(
      loadConfig({
        PUBLIC_URL: 'https://safeschools.example.org',
        SMTP_URL: 'smtp://u:p@127.0.0.1:2525',
        MAIL_FROM: 'alerts@example.org',
        SMS_PROVIDER: 'webhook',
        SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms',
        SMS_WEBHOOK_SECRET: 'x'.repeat(32),
        WHATSAPP_PHONE_NUMBER_ID: '1065',
        WHATSAPP_TOKEN: 'tok',
        WHATSAPP_APP_SECRET: 'sec',
        WHATSAPP_VERIFY_TOKEN: 'ver',
        WHATSAPP_TEMPLATE: 'safeschools_alert',
        RATE_SMS_PER_SECOND: '2.5',
      }),
    );
    expect(channels.get('email')?.provider).toBe('smtp');
    expect(channels.get('sms')?.provider).toBe('webhook');
    expect(channels.get('whatsapp')?.provider).toBe('whatsapp-cloud');
    expect(channels.rate('sms')).toEqual({ perSecond: 2.5, burst: 3 });
    expect(channels.bucket('sms')).toBe(channels.bucket('sms'));
    expect(channels.bucket('sms')).not.toBe(channels.bucket('email'));
    await channels.close();
  });

  it('chooses Twilio when asked', async () => {
    const channels = createChannels(
      loadConfig({ SMS_PROVIDER: 'twilio', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+15005550006' }),
    );
    expect(channels.get('sms')?.provider).toBe('twilio');
    expect(channels.get('email')).toBeNull();
    await channels.close();
  });

  it('never shows SMTP credentials in the start-up description', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://alerts:hunter2-secret@mail.example.org:465', MAIL_FROM: 'a@example.org' });
    const text = describeChannels(config).join('\n');
    expect(text).toContain('smtps://***@mail.example.org:465');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('alerts:');
    expect(redactUrl('smtp://mail.example.org:587')).toBe('smtp://mail.example.org:587');
  });

  it('looks up the DLT template id of a message template', () => {
    const config = loadConfig({ SMS_DLT_TEMPLATES: 'alert=1107161234567890123, cancel=1107169999999999999' });
    expect(dltTemplateId(config, 'alert')).toBe('1107161234567890123');
    expect(dltTemplateId(config, 'CANCEL')).toBe('1107169999999999999');
    expect(dltTemplateId(config, 'update')).toBeUndefined();
  });
});

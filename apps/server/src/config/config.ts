import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    PUBLIC_URL: z.url().optional(),
    TRUST_PROXY: bool.default(false),
    /** Bearer token that lets a scraper read /metrics from anywhere; direct loopback requests need none. */
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').regex(/^\S+$/, 'must not contain spaces').optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    DEMO_DATA: bool.default(true),
    JOBS: bool.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(4096).default(100),
    MAX_BODY_KB: z.coerce.number().int().min(1).max(100 * 1024).default(1024),
    STORAGE: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    WEB_DIST: z.string().optional(),
    /** CAP/GDACS feeds (Atom or RSS) to poll, separated by commas or spaces; each new alert becomes an event. */
    EVENT_FEEDS: z
      .string()
      .default('')
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/ }))),
    EVENT_FEED_POLL_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
    // Alerting channels (docs/decisions/0006-alerting.md); a channel left unset keeps its messages in the outbox.
    /** smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465. Never logged with its password. */
    SMTP_URL: z.string().regex(/^smtps?:\/\/[^/?#]+/, 'must be smtp://[user:pass@]host[:port] or smtps://…').optional(),
    MAIL_FROM: z.string().regex(/^(.*<)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/, 'must be an address, or "Name <address>"').optional(),
    SMS_PROVIDER: z.enum(['twilio', 'webhook']).optional(),
    TWILIO_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com'),
    TWILIO_ACCOUNT_SID: z.string().optional(),
    TWILIO_AUTH_TOKEN: z.string().optional(),
    TWILIO_FROM: z.string().optional(),
    TWILIO_MESSAGING_SERVICE_SID: z.string().optional(),
    SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMS_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    WHATSAPP_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com/v21.0'),
    WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
    WHATSAPP_TOKEN: z.string().optional(),
    WHATSAPP_APP_SECRET: z.string().optional(),
    WHATSAPP_VERIFY_TOKEN: z.string().optional(),
    /** The approved WhatsApp template alerts are sent with; its one body parameter is the message text. */
    WHATSAPP_TEMPLATE: z.string().regex(/^[a-z0-9_]+$/, 'must be a template name (lower case, digits, _)').optional(),
    /** India's DLT content template id per message template: "alert=1107…,update=…,cancel=…,manual=…". */
    SMS_DLT_TEMPLATES: z
      .string()
      .default('')
      .transform((v, ctx) => {
        const map: Record<string, string> = {};
        for (const pair of v.split(/[\s,]+/).filter(Boolean)) {
          const match = /^([a-z][a-z0-9_-]*)=(\d{6,25})$/i.exec(pair);
          if (match) map[match[1]!.toLowerCase()] = match[2]!;
          else ctx.addIssue({ code: 'custom', message: `"${pair}" is not name=<DLT template id digits>` });
        }
        return map;
      }),
    RATE_EMAIL_PER_SECOND: z.coerce.number().positive().max(10_000).default(20),
    RATE_SMS_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),
    RATE_WHATSAPP_PER_SECOND: z.coerce.number().positive().max(10_000).default(20),
    /** How long a person's first channel has to be delivered before the next one is tried. */
    ALERT_FALLBACK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    /** Language of registry contacts whose school has no focal-point user to take it from. */
    ALERT_CONTACT_LANGUAGE: z.enum(['en', 'hi', 'ja']).default('hi'),
  })
  .superRefine((c, ctx) => {
    if ((c.ADMIN_EMAIL === undefined) !== (c.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together' });
    }
    if (c.STORAGE === 's3') {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when STORAGE=s3' });
      }
    }
    if (c.SMTP_URL && !c.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'required with SMTP_URL' });
    if (c.SMS_PROVIDER === 'twilio') {
      for (const key of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when SMS_PROVIDER=twilio' });
      }
      if (!c.TWILIO_FROM && !c.TWILIO_MESSAGING_SERVICE_SID) {
        ctx.addIssue({ code: 'custom', path: ['TWILIO_FROM'], message: 'TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID is required when SMS_PROVIDER=twilio' });
      }
    }
    if (c.SMS_PROVIDER === 'webhook') {
      for (const key of ['SMS_WEBHOOK_URL', 'SMS_WEBHOOK_SECRET'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when SMS_PROVIDER=webhook' });
      }
    }
    if (c.WHATSAPP_PHONE_NUMBER_ID) {
      for (const key of ['WHATSAPP_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_TEMPLATE'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required with WHATSAPP_PHONE_NUMBER_ID' });
      }
    }
  });

export type Config = Readonly<
  Omit<z.output<typeof schema>, 'DATA_DIR'> & {
    DATA_DIR: string;
    /** Where the embedded database lives inside DATA_DIR. */
    PGLITE_DIR: string;
    FILES_DIR: string;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as in most deployment tools. */
function clean(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema.shape ?? {})) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** Reads the environment once. Throws ConfigError naming every bad variable, not just the first. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(clean(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`));
  }
  const dataDir = path.resolve(cwd, parsed.data.DATA_DIR);
  return Object.freeze({
    ...parsed.data,
    DATA_DIR: dataDir,
    PGLITE_DIR: path.join(dataDir, 'pglite'),
    FILES_DIR: path.join(dataDir, 'files'),
  });
}

/**
 * Where providers call back (the HTTP routes in http/hooks/ serve these paths). Twilio and the webhook gateway get
 * a status URL per message and an inbound URL configured on the number; WhatsApp has one webhook URL for
 * everything (statuses and messages, and the GET subscription challenge), set in the Meta app.
 */
export type HookProvider = 'twilio' | 'webhook' | 'whatsapp';
export type HookKind = 'status' | 'inbound';

export function hookPath(provider: HookProvider, kind: HookKind): string {
  return provider === 'whatsapp' ? '/api/v1/hooks/whatsapp' : `/api/v1/hooks/${provider}/${kind}`;
}

/** The public URL of a hook, or undefined when PUBLIC_URL is not set (then no status callbacks are asked for). */
export function hookUrl(publicUrl: string | undefined, provider: HookProvider, kind: HookKind): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${hookPath(provider, kind)}` : undefined;
}

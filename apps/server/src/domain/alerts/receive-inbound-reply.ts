import { isOptOutReply } from '@safeschools/domain';
import type { InboundMessage } from '../../channels/channel.js';
import { answerCheckInBySms } from '../check-ins/answer-check-in-by-sms.js';
import { optOut } from '../consent/opt-out.js';
import type { AuditTrail } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';

export type InboundResult = { kind: 'opted-out'; created: boolean } | { kind: 'check-in'; recorded: boolean } | { kind: 'ignored' };

/**
 * A reply someone sent by SMS or WhatsApp: STOP (or its Hindi and Japanese words) opts that number out of that
 * channel; anything else is tried as a check-in answer (SAFE, HELP …). A reply from a number that is not E.164 is
 * ignored. Runs in the callback's transaction; what it writes is audited by the use case that writes it.
 */
export async function receiveInboundReply(ctx: Ctx & { trail?: AuditTrail }, message: InboundMessage): Promise<InboundResult> {
  if (!/^\+[1-9]\d{6,14}$/.test(message.from) || (message.channel !== 'sms' && message.channel !== 'whatsapp')) return { kind: 'ignored' };
  if (isOptOutReply(message.text)) {
    const { created } = await optOut(ctx, { channel: message.channel, address: message.from, source: 'sms-stop' });
    return { kind: 'opted-out', created };
  }
  const { recorded } = await answerCheckInBySms(ctx, { from: message.from, text: message.text, channel: message.channel, now: ctx.now });
  return { kind: 'check-in', recorded };
}

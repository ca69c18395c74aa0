export type ConsentChannel = 'email' | 'sms' | 'whatsapp';
export const consentChannels: readonly ConsentChannel[] = ['email', 'sms', 'whatsapp'];

/** How an address is kept in `channel_opt_outs`: e-mail lower-cased and trimmed, phone numbers as given (E.164). */
export function optOutAddress(channel: ConsentChannel, address: string): string {
  return channel === 'email' ? address.trim().toLowerCase() : address.trim();
}

/** Enough of an address for an audit row or a page to tell which one it was, without spelling it out. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address.slice(0, Math.min(2, at))}…${address.slice(at)}`;
  return address.length > 6 ? `${address.slice(0, 3)}…${address.slice(-4)}` : '…';
}

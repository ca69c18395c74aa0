import type { CapReference } from './cap-types.js';
import { isCapDateTime } from './cap-datetime.js';
import { isCapId, refuse, shown } from './cap-rules.js';

// What each msgType does to the messages it references (CAP 1.2 §3.2.1); an Alert may reference others or none.
const NEEDS_REFERENCES: Record<string, string> = {
  Update: 'updates',
  Cancel: 'cancels',
  Ack: 'acknowledges',
  Error: 'rejects',
};

/**
 * The earlier messages this one refers to: whitespace-separated "sender,identifier,sent" triples (CAP 1.2
 * §3.2.1). Refused when an Update, Cancel, Ack or Error names none, and when any triple is malformed.
 */
export function readReferences(text: string | undefined, msgType: string): CapReference[] {
  const verb = NEEDS_REFERENCES[msgType];
  if (text === undefined) {
    if (verb !== undefined) {
      refuse(
        'CAP_REFERENCES_MISSING',
        `This CAP ${msgType} has no <references>, so it names no earlier message that it ${verb}.`,
      );
    }
    return [];
  }
  return text.split(/\s+/).map((token) => {
    const [sender = '', identifier = '', sent = '', ...rest] = token.split(',');
    if (rest.length > 0 || !isCapId(sender) || !isCapId(identifier) || !isCapDateTime(sent)) {
      refuse(
        'CAP_REFERENCE_INVALID',
        `The reference "${shown(token)}" is not "sender,identifier,sent" with sent a date and time such as 2003-06-11T20:30:00-07:00.`,
      );
    }
    return { sender, identifier, sent };
  });
}

/**
 * Words people send back by SMS. Replies are short and typed on a phone keypad, in English, Hindi (Devanagari or
 * romanised) and Japanese; matching ignores case, width and punctuation.
 */

export type CheckInReplyStatus = 'all_safe' | 'some_injured' | 'building_damaged' | 'need_help';

/** Most urgent first: a reply naming two states ("DAMAGE HELP") is read as the more urgent one. */
const checkInWords: readonly (readonly [CheckInReplyStatus, readonly string[]])[] = [
  ['need_help', ['help', 'sos', 'emergency', 'मदद', 'बचाओ', 'सहायता', 'madad', 'bachao', 'sahayata']],
  ['some_injured', ['injured', 'injury', 'injuries', 'hurt', 'घायल', 'चोट', 'ghayal', 'chot']],
  ['building_damaged', ['damage', 'damaged', 'collapsed', 'नुकसान', 'क्षति', 'टूटा', 'nuksan', 'nuksaan', 'kshati']],
  ['all_safe', ['safe', 'ok', 'okay', 'fine', 'सुरक्षित', 'ठीक', 'surakshit', 'theek', 'thik', 'sab theek']],
];

/** Japanese is written without spaces, so its words are looked for inside the reply. */
const japaneseWords: readonly (readonly [CheckInReplyStatus, readonly string[]])[] = [
  ['need_help', ['助けて', 'たすけて', '救助', '至急']],
  ['some_injured', ['負傷', 'けが', '怪我', 'ケガ']],
  ['building_damaged', ['被害', '損傷', '倒壊', '損壊']],
  ['all_safe', ['安全', '無事', 'ぶじ', '大丈夫']],
];

/**
 * "NOT SAFE", "no damage", "नहीं", "被害なし": a negation makes the reply ambiguous, so it is not recorded as an
 * answer at all and the school stays on the list to call.
 */
const negations = ['not', 'no', 'nahi', 'nahin', 'नहीं', 'नही', 'ना', 'न'];
const japaneseNegations = ['ない', 'なし', '無し', 'ません', 'ではな'];

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** The check-in status an SMS reply means, or null when it is not a check-in answer (or is ambiguous). */
export function checkInReplyStatus(text: string): CheckInReplyStatus | null {
  const clean = normalise(text);
  if (clean === '') return null;
  const words = clean.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w !== '');
  const joined = ` ${words.join(' ')} `;
  if (words.some((w) => negations.includes(w)) || japaneseNegations.some((n) => clean.includes(n))) return null;
  for (const [status, list] of checkInWords) {
    if (list.some((word) => joined.includes(` ${word} `))) return status;
    const japanese = japaneseWords.find(([s]) => s === status)![1];
    if (japanese.some((word) => clean.includes(word))) return status;
  }
  return null;
}

/**
 * Opt-out replies. Carriers and Twilio treat STOP, STOPALL, UNSUBSCRIBE, CANCEL, END and QUIT as opt-outs; we honour
 * the same, and their Hindi and Japanese equivalents. The whole reply must be the word (or phrase): "don't stop
 * sending" is not an opt-out, and a check-in answer never is.
 */
const optOutPhrases: readonly string[] = [
  'stop', 'stopall', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'opt out',
  'रोकें', 'रोको', 'रुको', 'बंद', 'बंद करें', 'बंद करो', 'सदस्यता समाप्त', 'roko', 'rokein', 'band', 'band karo', 'band karein',
  '停止', 'ストップ', 'すとっぷ', '解除', '配信停止', '配信解除', '受信停止', '登録解除',
];
/** Japanese asks politely around the word ("配信停止してください"): these count wherever they stand. */
const japaneseOptOutWords: readonly string[] = ['配信停止', '配信解除', '受信停止', '登録解除'];

/** Whether an SMS or WhatsApp reply asks to stop receiving messages on that channel. */
export function isOptOutReply(text: string): boolean {
  const clean = normalise(text);
  if (clean === '') return false;
  const phrase = clean.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w !== '').join(' ');
  if (optOutPhrases.includes(phrase)) return true;
  return japaneseOptOutWords.some((word) => clean.includes(word)) && checkInReplyStatus(text) === null;
}

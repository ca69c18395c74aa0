import { localized, type Localized, type SafetyLanguage } from '../safety/i18n.js';

/**
 * Every text of the check-in page (`PUBLIC_URL/c/<token>`), which the server renders without the web app: a focal
 * point on a 2G phone reads it in her own language. `{name}` placeholders are filled by `checkInText`.
 */
export const checkInTexts = {
  pageTitle: localized('School check-in', 'विद्यालय की स्थिति', '学校の安否報告'),
  question: localized('How is your school?', 'आपका विद्यालय कैसा है?', '学校の状況を教えてください'),
  all_safe: localized('All safe', 'सब सुरक्षित', '全員無事'),
  some_injured: localized('Some injured', 'कुछ घायल', 'けが人あり'),
  building_damaged: localized('Building damaged', 'भवन क्षतिग्रस्त', '校舎に被害'),
  need_help: localized('Need help now', 'अभी मदद चाहिए', '今すぐ助けが必要'),
  countsTitle: localized('Numbers (leave empty if you do not know)', 'संख्याएँ (पता न हो तो खाली छोड़ें)', '人数（わからなければ空欄）'),
  studentsPresent: localized('Students present', 'उपस्थित विद्यार्थी', 'いる児童生徒'),
  staffPresent: localized('Staff present', 'उपस्थित कर्मचारी', 'いる教職員'),
  injured: localized('Injured', 'घायल', 'けが人'),
  missing: localized('Missing', 'लापता', '行方不明'),
  schoolStateTitle: localized('The school is', 'विद्यालय', '学校は'),
  open: localized('Open', 'खुला है', '開いている'),
  closed: localized('Closed', 'बंद है', '閉鎖'),
  shelter: localized('Used as a shelter', 'आश्रय के रूप में उपयोग में', '避難所として使用'),
  noteLabel: localized('Short note for the district office', 'ज़िला कार्यालय के लिए छोटा संदेश', '教育委員会への短いメモ'),
  childrenNote: localized(
    "Numbers only: never write a child's name.",
    'केवल संख्याएँ: किसी बच्चे का नाम कभी न लिखें।',
    '人数だけを書いてください。子どもの名前は書かないでください。',
  ),
  send: localized('Send', 'भेजें', '送信'),
  sendAgain: localized('Send my answer', 'मेरा उत्तर भेजें', '自分の回答を送信'),
  current: localized('Current answer', 'वर्तमान उत्तर', '現在の回答'),
  answeredAt: localized('Answered {time} (by {via})', '{time} को उत्तर दिया ({via} से)', '{time} に回答（{via}）'),
  viaLink: localized('link', 'लिंक', 'リンク'),
  viaSms: localized('SMS', 'SMS', 'SMS'),
  notGiven: localized('not given', 'नहीं दिया', '未記入'),
  change: localized('Change the answer', 'उत्तर बदलें', '回答を変更する'),
  thanksTitle: localized('Thank you. Your answer is recorded.', 'धन्यवाद। आपका उत्तर दर्ज हो गया है।', 'ありがとうございます。回答を受け付けました。'),
  thanksBody: localized(
    'You can change it from this link until {date}.',
    'आप {date} तक इसी लिंक से इसे बदल सकते हैं।',
    '{date} まで、このリンクから変更できます。',
  ),
  conflict: localized(
    'Someone else from your school answered in the meantime; their answer is shown above. Send yours to replace it.',
    'इस बीच आपके विद्यालय से किसी और ने उत्तर दिया है; उनका उत्तर ऊपर दिखाया गया है। उसे बदलने के लिए अपना उत्तर भेजें।',
    'その間に学校の別の方が回答しました（上に表示）。置き換える場合は、あなたの回答を送信してください。',
  ),
  invalid: localized(
    'Please choose one of the four answers, and use whole numbers of 0 or more.',
    'कृपया चार में से एक उत्तर चुनें, और 0 या उससे अधिक की पूर्ण संख्याएँ लिखें।',
    '4つの回答から1つを選び、人数は0以上の整数で入力してください。',
  ),
  expiredTitle: localized('This link has expired', 'यह लिंक समाप्त हो गया है', 'このリンクは期限切れです'),
  expiredBody: localized(
    'Check-in links work for 14 days. Reply to the SMS (SAFE or HELP) or call your district office.',
    'ये लिंक 14 दिन तक काम करते हैं। SMS का उत्तर दें (सुरक्षित या मदद) या अपने ज़िला कार्यालय को फ़ोन करें।',
    'リンクの有効期間は14日間です。SMSに返信するか（安全・助けて）、教育委員会に電話してください。',
  ),
  unknownTitle: localized('This link is not valid', 'यह लिंक मान्य नहीं है', 'このリンクは無効です'),
  unknownBody: localized(
    'Open the link exactly as it is in your message; it may have been cut short. Nothing was recorded.',
    'संदेश में दिया गया लिंक पूरा खोलें; हो सकता है वह अधूरा हो। कुछ भी दर्ज नहीं हुआ।',
    'メッセージ内のリンクをそのまま開いてください。途中で切れている可能性があります。何も記録されていません。',
  ),
  limitedTitle: localized('Too many tries', 'बहुत अधिक प्रयास', '試行回数が多すぎます'),
  limitedBody: localized(
    'Please wait {minutes} minutes and try again.',
    'कृपया {minutes} मिनट रुककर फिर से प्रयास करें।',
    '{minutes}分待ってから、もう一度お試しください。',
  ),
} as const satisfies Record<string, Localized>;

export type CheckInTextKey = keyof typeof checkInTexts;

/** A check-in text in `language`, with `{name}` placeholders replaced. */
export function checkInText(key: CheckInTextKey, language: SafetyLanguage, values: Record<string, string | number> = {}): string {
  return checkInTexts[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

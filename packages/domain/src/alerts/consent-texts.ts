import { localized, type SafetyLanguage } from '../safety/i18n.js';

/**
 * Texts of the unsubscribe page (`PUBLIC_URL/u/<token>`, the link in every alert e-mail), rendered by the server
 * without the web app. `{channel}` and `{address}` are filled by `consentText`.
 */
export const consentTexts = {
  pageTitle: localized('Stop messages', 'संदेश बंद करें', '配信の停止'),
  question: localized(
    'Stop SafeSchools {channel} messages to {address}?',
    'क्या {address} पर SafeSchools के {channel} संदेश बंद करें?',
    '{address} への SafeSchools の{channel}の配信を停止しますか？',
  ),
  consequence: localized(
    'Alerts about hazards at your school will then not reach you this way. Your other ways of being reached stay as they are.',
    'इसके बाद आपके विद्यालय पर खतरे की सूचनाएँ आपको इस माध्यम से नहीं मिलेंगी। आपके अन्य माध्यम पहले जैसे ही रहेंगे।',
    '以後、学校に関わる災害の通知はこの方法では届きません。ほかの連絡方法はそのままです。',
  ),
  confirm: localized('Stop these messages', 'ये संदेश बंद करें', '配信を停止する'),
  doneTitle: localized('Done', 'हो गया', '完了しました'),
  done: localized(
    'SafeSchools will not send {channel} messages to {address} any more.',
    'SafeSchools अब {address} पर {channel} संदेश नहीं भेजेगा।',
    'SafeSchools は今後 {address} へ{channel}を送信しません。',
  ),
  undo: localized(
    'Changed your mind? Signed-in users can turn them on again under "My profile"; others can ask their district office.',
    'मन बदल गया? साइन-इन किए हुए उपयोगकर्ता "मेरी प्रोफ़ाइल" में इन्हें फिर से चालू कर सकते हैं; अन्य लोग अपने ज़िला कार्यालय से कह सकते हैं।',
    '再開したい場合、アカウントをお持ちの方は「マイプロフィール」で再開できます。それ以外の方は教育委員会にご連絡ください。',
  ),
  invalidTitle: localized('This link is not valid', 'यह लिंक मान्य नहीं है', 'このリンクは無効です'),
  invalid: localized(
    'This unsubscribe link is not known here, so nothing was changed. Use the link from the latest message, or ask your district office.',
    'यह सदस्यता-समाप्ति लिंक यहाँ ज्ञात नहीं है, इसलिए कुछ नहीं बदला गया। नवीनतम संदेश का लिंक उपयोग करें, या अपने ज़िला कार्यालय से पूछें।',
    'この配信停止リンクは登録されていないため、何も変更していません。最新のメッセージのリンクを使うか、教育委員会にお問い合わせください。',
  ),
  email: localized('e-mail', 'ई-मेल', 'メール'),
  sms: localized('SMS', 'SMS', 'SMS'),
  whatsapp: localized('WhatsApp', 'WhatsApp', 'WhatsApp'),
} as const;

export type ConsentTextKey = keyof typeof consentTexts;

/** One text of the unsubscribe page in `language`, with `{name}` placeholders filled. */
export function consentText(key: ConsentTextKey, language: SafetyLanguage, values: Readonly<Record<string, string>> = {}): string {
  return consentTexts[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

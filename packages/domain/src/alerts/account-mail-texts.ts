import { localized, type SafetyLanguage } from '../safety/i18n.js';

/**
 * The account e-mails (an invitation, a password reset), in the recipient's language. Plain text: every mail
 * client shows it and nothing in it can run. `{name}` placeholders are filled by `accountMail`.
 */
export const accountMailTexts = {
  invitation: {
    subject: localized('You are invited to SafeSchools', 'SafeSchools में आपको आमंत्रित किया गया है', 'SafeSchools への招待'),
    body: localized(
      'Hello {name},\n\nYou have been given an account on SafeSchools ({site}). Open this link to set your name and password:\n\n{link}\n\nThe link works once and for {days} days. If you did not expect this e-mail, you can ignore it.',
      'नमस्ते {name},\n\nआपके लिए SafeSchools ({site}) पर एक खाता बनाया गया है। अपना नाम और पासवर्ड सेट करने के लिए यह लिंक खोलें:\n\n{link}\n\nयह लिंक एक बार और {days} दिनों तक काम करता है। यदि आपको इस ई-मेल की अपेक्षा नहीं थी, तो इसे अनदेखा कर दें।',
      '{name} 様\n\nSafeSchools（{site}）のアカウントが用意されました。次のリンクを開いて、名前とパスワードを設定してください。\n\n{link}\n\nこのリンクは1回だけ、{days}日間有効です。心当たりがない場合は、このメールを無視してください。',
    ),
  },
  passwordReset: {
    subject: localized('Reset your SafeSchools password', 'अपना SafeSchools पासवर्ड रीसेट करें', 'SafeSchools のパスワード再設定'),
    body: localized(
      'Hello {name},\n\nSomeone, hopefully you, asked to reset the password of the SafeSchools account {email} ({site}). Open this link within one hour to choose a new password:\n\n{link}\n\nThe link works once. Setting a new password signs the account out everywhere. If you did not ask for this, ignore this e-mail: your password stays as it is.',
      'नमस्ते {name},\n\nकिसी ने, संभवतः आपने, SafeSchools खाते {email} ({site}) का पासवर्ड रीसेट करने को कहा है। नया पासवर्ड चुनने के लिए यह लिंक एक घंटे के भीतर खोलें:\n\n{link}\n\nयह लिंक एक बार ही काम करता है। नया पासवर्ड सेट करने पर खाता हर जगह से साइन-आउट हो जाता है। यदि आपने यह नहीं माँगा, तो इस ई-मेल को अनदेखा करें: आपका पासवर्ड वैसा ही रहेगा।',
      '{name} 様\n\nSafeSchools のアカウント {email}（{site}）のパスワード再設定が依頼されました。1時間以内に次のリンクを開いて、新しいパスワードを設定してください。\n\n{link}\n\nこのリンクは1回だけ使えます。新しいパスワードを設定すると、すべての端末でサインアウトされます。依頼していない場合は、このメールを無視してください。パスワードは変わりません。',
    ),
  },
} as const;

export type AccountMailKind = keyof typeof accountMailTexts;

/** Subject and body of an account e-mail in `language`, with `{name}`, `{link}` … filled in. */
export function accountMail(
  kind: AccountMailKind,
  language: SafetyLanguage,
  values: Readonly<Record<string, string>>,
): { subject: string; body: string } {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  const texts = accountMailTexts[kind];
  return { subject: fill(texts.subject[language]), body: fill(texts.body[language]) };
}

import type { SafetyHazard } from '../safety/hazards.js';
import { localized, type Localized } from '../safety/i18n.js';

/**
 * The built-in words of alert messages, in every language. Placeholders in braces are filled per message by
 * `compose-message.ts`: {school}, {hazard}, {intensity}, {action}, {link}; officers' digests {count}, {schools}.
 */

export interface TextTemplate {
  readonly subject: string;
  readonly body: string;
  readonly sms: string;
}
export type LocalizedTemplate = Readonly<Record<keyof Localized, TextTemplate>>;
export type TemplateKind = 'alert' | 'update' | 'cancel';

const t = (subject: string, body: string, sms: string): TextTemplate => ({ subject, body, sms });

/** A message about one school, to its focal points and head teacher. */
export const schoolTemplates: Readonly<Record<TemplateKind, LocalizedTemplate>> = {
  alert: {
    en: t(
      '{hazard} alert: {school}',
      '{hazard} alert for {school}: {intensity}.\n\nWhat to do: {action}\n\nTell us how your school is (one tap, no sign-in): {link}',
      '{hazard} alert, {school}: {intensity}. {action} Status: {link}',
    ),
    hi: t(
      '{hazard} चेतावनी: {school}',
      '{school} के लिए {hazard} चेतावनी: {intensity}।\n\nक्या करें: {action}\n\nबताएँ आपका विद्यालय कैसा है (एक टैप, बिना लॉगिन): {link}',
      '{hazard} चेतावनी {school}: {intensity}। {action} स्थिति बताएँ: {link}',
    ),
    ja: t(
      '{hazard}警報: {school}',
      '{school}に{hazard}の警報: {intensity}。\n\nすること: {action}\n\n学校の状況をお知らせください(ワンタップ、ログイン不要): {link}',
      '{hazard}警報 {school}: {intensity}。{action} 状況報告: {link}',
    ),
  },
  update: {
    en: t(
      'Update, {hazard} now stronger: {school}',
      'Update: the {hazard} is now stronger at {school}: {intensity}.\n\nWhat to do: {action}\n\nTell us how your school is (one tap, no sign-in): {link}',
      'UPDATE {hazard} stronger at {school}: {intensity}. {action} Status: {link}',
    ),
    hi: t(
      'अपडेट, {hazard} अब अधिक तीव्र: {school}',
      'अपडेट: {school} पर {hazard} अब अधिक तीव्र है: {intensity}।\n\nक्या करें: {action}\n\nबताएँ आपका विद्यालय कैसा है (एक टैप, बिना लॉगिन): {link}',
      'अपडेट {hazard} अधिक तीव्र {school}: {intensity}। {action} स्थिति: {link}',
    ),
    ja: t(
      '続報: {hazard}が強まりました: {school}',
      '続報: {school}で{hazard}が強まりました: {intensity}。\n\nすること: {action}\n\n学校の状況をお知らせください(ワンタップ、ログイン不要): {link}',
      '続報 {hazard}が強まりました {school}: {intensity}。{action} 状況: {link}',
    ),
  },
  cancel: {
    en: t(
      'Cancelled: {hazard} alert for {school}',
      'The {hazard} alert for {school} has been cancelled by its issuer. No action is needed for this alert.\n\nIf something did happen at your school, tell us: {link}',
      'CANCELLED: {hazard} alert for {school}. No action needed.',
    ),
    hi: t(
      'रद्द: {school} के लिए {hazard} चेतावनी',
      '{school} के लिए {hazard} चेतावनी जारीकर्ता ने रद्द कर दी है। इस चेतावनी के लिए कुछ करने की आवश्यकता नहीं है।\n\nयदि आपके विद्यालय में कुछ हुआ है, तो बताएँ: {link}',
      'रद्द: {school} के लिए {hazard} चेतावनी। कुछ करने की आवश्यकता नहीं।',
    ),
    ja: t(
      '取消: {school}の{hazard}警報',
      '{school}への{hazard}警報は発表元により取り消されました。この警報への対応は不要です。\n\n学校で何か起きた場合はお知らせください: {link}',
      '取消: {school}の{hazard}警報。対応不要です。',
    ),
  },
};

/** One message to an officer listing their affected schools (instead of one per school). {link}: the event page. */
export const officerTemplates: Readonly<Record<TemplateKind, LocalizedTemplate>> = {
  alert: {
    en: t(
      '{hazard} alert: {count} schools in your area',
      '{hazard} alert: {count} schools in your area are affected.\n\n{schools}\n\nSee who has answered and whom to call: {link}',
      '{hazard} alert: {count} schools in your area affected. Details: {link}',
    ),
    hi: t(
      '{hazard} चेतावनी: आपके क्षेत्र के {count} विद्यालय',
      '{hazard} चेतावनी: आपके क्षेत्र के {count} विद्यालय प्रभावित हैं।\n\n{schools}\n\nदेखें किसने उत्तर दिया और किसे फ़ोन करना है: {link}',
      '{hazard} चेतावनी: आपके क्षेत्र के {count} विद्यालय प्रभावित। विवरण: {link}',
    ),
    ja: t(
      '{hazard}警報: 管内の{count}校',
      '{hazard}警報: 管内の{count}校が影響を受けています。\n\n{schools}\n\n回答状況と連絡が必要な学校: {link}',
      '{hazard}警報: 管内{count}校に影響。詳細: {link}',
    ),
  },
  update: {
    en: t(
      'Update, {hazard} stronger: {count} schools in your area',
      'Update: the {hazard} is now stronger at {count} schools in your area.\n\n{schools}\n\nSee who has answered and whom to call: {link}',
      'UPDATE {hazard} stronger at {count} schools in your area. Details: {link}',
    ),
    hi: t(
      'अपडेट, {hazard} अधिक तीव्र: आपके क्षेत्र के {count} विद्यालय',
      'अपडेट: आपके क्षेत्र के {count} विद्यालयों पर {hazard} अब अधिक तीव्र है।\n\n{schools}\n\nदेखें किसने उत्तर दिया और किसे फ़ोन करना है: {link}',
      'अपडेट {hazard} अधिक तीव्र: {count} विद्यालय। विवरण: {link}',
    ),
    ja: t(
      '続報: {hazard}が強まりました: 管内{count}校',
      '続報: 管内の{count}校で{hazard}が強まりました。\n\n{schools}\n\n回答状況と連絡が必要な学校: {link}',
      '続報 {hazard}が強まりました 管内{count}校。詳細: {link}',
    ),
  },
  cancel: {
    en: t(
      'Cancelled: {hazard} alert ({count} schools in your area)',
      'The {hazard} alert for {count} schools in your area has been cancelled by its issuer.\n\n{schools}\n\nDetails: {link}',
      'CANCELLED: {hazard} alert for {count} schools in your area.',
    ),
    hi: t(
      'रद्द: {hazard} चेतावनी (आपके क्षेत्र के {count} विद्यालय)',
      'आपके क्षेत्र के {count} विद्यालयों के लिए {hazard} चेतावनी जारीकर्ता ने रद्द कर दी है।\n\n{schools}\n\nविवरण: {link}',
      'रद्द: {count} विद्यालयों के लिए {hazard} चेतावनी।',
    ),
    ja: t(
      '取消: {hazard}警報(管内{count}校)',
      '管内{count}校への{hazard}警報は発表元により取り消されました。\n\n{schools}\n\n詳細: {link}',
      '取消: 管内{count}校への{hazard}警報。',
    ),
  },
};

export const hazardNames: Readonly<Record<SafetyHazard, Localized>> = {
  earthquake: localized('Earthquake', 'भूकंप', '地震'),
  flood: localized('Flood', 'बाढ़', '洪水'),
  cyclone: localized('Cyclone', 'चक्रवात', 'サイクロン'),
  fire: localized('Fire', 'आग', '火災'),
  landslide: localized('Landslide', 'भूस्खलन', '土砂災害'),
  tsunami: localized('Tsunami', 'सुनामी', '津波'),
  heatwave: localized('Heatwave', 'लू', '熱波'),
  lightning: localized('Lightning', 'आकाशीय बिजली', '落雷'),
  chemical: localized('Chemical accident', 'रासायनिक दुर्घटना', '化学事故'),
  stampede: localized('Stampede', 'भगदड़', '群衆事故'),
  intruder: localized('Intruder', 'घुसपैठिया', '不審者'),
};
export const unknownHazardName = localized('Hazard', 'आपदा', '災害');

/** What to do, in one line, when the school's approved plan has no SOP for the hazard. */
export const builtInActions: Readonly<Record<SafetyHazard, Localized>> = {
  earthquake: localized(
    'Drop, cover, hold on. When the shaking stops, take everyone to the assembly point away from buildings.',
    'झुको, ढको, पकड़ो। झटके रुकने पर सभी को इमारतों से दूर एकत्र स्थल पर ले जाएँ।',
    '姿勢を低く、頭を守り、じっとする。揺れが収まったら全員を建物から離れた集合場所へ。',
  ),
  flood: localized(
    'Move everyone to upper floors or higher ground; do not cross flowing water.',
    'सभी को ऊपरी मंज़िल या ऊँचे स्थान पर ले जाएँ; बहते पानी को पार न करें।',
    '全員を上の階か高台へ。流れる水を渡らない。',
  ),
  cyclone: localized(
    'Keep everyone indoors away from windows, in the safest room or shelter.',
    'सभी को खिड़कियों से दूर भीतर, सबसे सुरक्षित कमरे या आश्रय में रखें।',
    '全員を窓から離れた屋内、最も安全な部屋か避難所に。',
  ),
  fire: localized(
    'Leave by the nearest safe exit and gather at the assembly point.',
    'निकटतम सुरक्षित निकास से बाहर निकलें और एकत्र स्थल पर मिलें।',
    '最寄りの安全な出口から避難し、集合場所に集まる。',
  ),
  landslide: localized(
    'Move everyone away from slopes and the path of debris to open, safe ground.',
    'सभी को ढलानों और मलबे के रास्ते से दूर सुरक्षित खुले स्थान पर ले जाएँ।',
    '斜面や土砂の通り道から離れた安全な広い場所へ。',
  ),
  tsunami: localized(
    'Move everyone to high ground or an upper floor of a strong building now.',
    'सभी को तुरंत ऊँचे स्थान या मज़बूत इमारत की ऊपरी मंज़िल पर ले जाएँ।',
    '直ちに全員を高台か頑丈な建物の上階へ。',
  ),
  heatwave: localized(
    'Keep everyone in the shade, give water, stop outdoor activities.',
    'सभी को छाया में रखें, पानी दें, बाहर की गतिविधियाँ रोकें।',
    '全員を日陰に、水分補給、屋外活動は中止。',
  ),
  lightning: localized(
    'Bring everyone indoors; keep away from open ground, trees and metal.',
    'सभी को भीतर लाएँ; खुले मैदान, पेड़ों और धातु से दूर रहें।',
    '全員を屋内へ。開けた場所、木、金属から離れる。',
  ),
  chemical: localized(
    'Shelter inside; close windows and doors; switch off fans.',
    'भीतर रहें; खिड़कियाँ-दरवाज़े बंद करें; पंखे बंद करें।',
    '屋内に退避し、窓と扉を閉め、換気扇を止める。',
  ),
  stampede: localized(
    'Stop the crowd moving; open every exit and lead students out calmly.',
    'भीड़ को रोकें; सभी निकास खोलें और छात्रों को शांति से बाहर ले जाएँ।',
    '人の流れを止め、全出口を開け、落ち着いて誘導。',
  ),
  intruder: localized(
    'Lock down: lock doors, keep students inside and out of sight.',
    'लॉकडाउन: दरवाज़े बंद करें, छात्रों को भीतर और नज़रों से दूर रखें।',
    'ロックダウン: 扉を施錠し、児童生徒を屋内の見えない場所に。',
  ),
};
export const genericAction = localized(
  'Follow your school safety plan and keep students safe.',
  'अपनी विद्यालय सुरक्षा योजना का पालन करें और छात्रों को सुरक्षित रखें।',
  '学校安全計画に従い、児童生徒の安全を確保。',
);

/** Band words, band 1 upwards; the last one for any band above. */
export const bandWords: readonly Localized[] = [
  localized('affected', 'प्रभावित', '影響あり'),
  localized('strong', 'तेज़', '強い'),
  localized('severe', 'गंभीर', '深刻'),
  localized('very severe', 'बहुत गंभीर', '非常に深刻'),
  localized('extreme', 'अत्यधिक', '極めて深刻'),
];
export const levelWord = localized('level {band}', 'स्तर {band}', 'レベル{band}');
export const insideArea = localized('inside the alert area', 'चेतावनी क्षेत्र के भीतर', '警報区域内');
export const measureNames: Readonly<Record<string, Localized>> = {
  MMI: localized('MMI', 'MMI', '震度階(MMI)'),
  PGA: localized('PGA', 'PGA', '最大加速度'),
  WIND: localized('wind', 'हवा', '風速'),
};
export const measureUnits: Readonly<Record<string, string>> = { MMI: '', PGA: ' g', WIND: ' m/s' };
export const moreSchools = localized('… and {n} more', '… और {n} अन्य', '…ほか{n}校');
export const unsubscribeLine = localized(
  'To stop these e-mails: {url}',
  'ये ई-मेल बंद करने के लिए: {url}',
  'このメールの配信停止: {url}',
);
export const estimatedNote = localized('(estimated)', '(अनुमानित)', '(推定)');

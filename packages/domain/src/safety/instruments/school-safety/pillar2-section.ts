import type { InstrumentSection } from '../instrument-types.js';
import { scaleScoring, t, yesSafe } from './builders.js';

/** One seventh each, so that forming all seven NDMA task forces scores 1. */
const taskForceShare = 1 / 7;

/** CSSF Pillar 2, School Safety and Educational Continuity Management. */
export const pillar2Section: InstrumentSection = {
  id: 'pillar2',
  title: t(
    'Pillar 2: School safety and educational continuity management',
    'स्तंभ 2: विद्यालय सुरक्षा और शिक्षा की निरंतरता का प्रबंधन',
    '柱2：学校安全と教育継続のマネジメント',
  ),
  questions: [
    {
      id: 'p2_task_forces',
      type: 'multi_choice',
      required: true,
      label: t(
        'Which task forces has the school formed, with named members?',
        'विद्यालय ने नामित सदस्यों के साथ कौन-कौन से कार्य बल बनाए हैं?',
        'メンバーを指名して編成した班はどれですか。',
      ),
      options: [
        { id: 'awareness_warning', label: t('Awareness and warning', 'जागरूकता और चेतावनी', '啓発・警報伝達班') },
        { id: 'evacuation', label: t('Evacuation', 'निकासी', '避難誘導班') },
        { id: 'search_rescue', label: t('Search and rescue', 'खोज और बचाव', '捜索救助班') },
        { id: 'fire_safety', label: t('Fire safety', 'अग्नि सुरक्षा', '消火班') },
        { id: 'first_aid', label: t('First aid', 'प्राथमिक चिकित्सा', '応急手当班') },
        { id: 'bus_safety', label: t('Bus safety', 'बस सुरक्षा', 'スクールバス安全班') },
        { id: 'site_security', label: t('Site security', 'परिसर सुरक्षा', '校内警備班') },
        { id: 'none', exclusive: true, label: t('None yet', 'अभी कोई नहीं', 'まだない') },
      ],
      scoring: {
        pillar: 'pillar2',
        weight: 2,
        answerScores: {
          awareness_warning: taskForceShare,
          evacuation: taskForceShare,
          search_rescue: taskForceShare,
          fire_safety: taskForceShare,
          first_aid: taskForceShare,
          bus_safety: taskForceShare,
          site_security: taskForceShare,
          none: 0,
        },
      },
    },
    {
      id: 'p2_last_drill',
      type: 'choice',
      required: true,
      label: t(
        'When did the school last hold an evacuation drill?',
        'विद्यालय में पिछली बार निकासी अभ्यास (मॉक ड्रिल) कब हुआ था?',
        '最後に避難訓練を行ったのはいつですか。',
      ),
      options: [
        { id: 'within_6_months', label: t('In the last six months', 'पिछले छह महीनों में', '過去6か月以内') },
        { id: 'within_12_months', label: t('Six to twelve months ago', 'छह से बारह महीने पहले', '6〜12か月前') },
        { id: 'over_a_year', label: t('More than a year ago', 'एक वर्ष से अधिक पहले', '1年以上前') },
        { id: 'never', label: t('Never', 'कभी नहीं', '一度もない') },
      ],
      scoring: { pillar: 'pillar2', weight: 2, answerScores: { within_6_months: 1, within_12_months: 0.5, over_a_year: 0.2, never: 0 } },
    },
    {
      id: 'p2_drill_seconds',
      type: 'number',
      required: false,
      integer: true,
      min: 0,
      max: 3600,
      showIf: { question: 'p2_last_drill', in: ['within_6_months', 'within_12_months', 'over_a_year'] },
      unit: t('seconds', 'सेकंड', '秒'),
      label: t(
        'In that drill, how many seconds passed from the alarm until everyone was at the assembly point?',
        'उस अभ्यास में अलार्म से लेकर सबके सभा स्थल पर पहुँचने तक कितने सेकंड लगे?',
        'その訓練で、警報から全員が集合場所に着くまで何秒かかりましたか。',
      ),
      scoring: { pillar: 'pillar2', weight: 1, numberBands: [{ max: 240, score: 1 }, { max: 480, score: 0.5 }, { score: 0 }] },
    },
    {
      id: 'p2_assembly_point',
      type: 'yes_no',
      required: true,
      label: t(
        'Is there a marked assembly point in open ground, away from buildings, trees and power lines?',
        'क्या खुले मैदान में, भवनों, पेड़ों और बिजली की लाइनों से दूर, चिह्नित सभा स्थल है?',
        '建物・樹木・電線から離れた空き地に、表示された集合場所がありますか。',
      ),
      scoring: yesSafe('pillar2', 2),
    },
    {
      id: 'p2_assembly_location',
      type: 'geopoint',
      required: false,
      showIf: { question: 'p2_assembly_point', equals: 'yes' },
      label: t('Mark the assembly point on the map.', 'मानचित्र पर सभा स्थल चिह्नित करें।', '地図上で集合場所を示してください。'),
    },
    {
      id: 'p2_alarm',
      type: 'yes_no',
      required: true,
      label: t(
        'Is there an alarm, different from the class bell, that can be heard everywhere on the campus?',
        'क्या कक्षा की घंटी से अलग ऐसा अलार्म है जो पूरे परिसर में सुनाई देता है?',
        '授業のチャイムとは異なり、敷地全体で聞こえる警報がありますか。',
      ),
      scoring: yesSafe('pillar2'),
    },
    {
      id: 'p2_first_aid_kits',
      type: 'scale',
      required: true,
      label: t(
        'How many blocks have a stocked first-aid kit?',
        'कितने खंडों में भरी हुई प्राथमिक चिकित्सा किट है?',
        '中身のそろった救急箱がある棟はどのくらいありますか。',
      ),
      scoring: scaleScoring('pillar2'),
    },
    {
      id: 'p2_special_needs',
      type: 'yes_no',
      required: true,
      label: t(
        'Is a named adult assigned to help each child with special needs during an evacuation?',
        'क्या निकासी के समय विशेष आवश्यकता वाले हर बच्चे की मदद के लिए एक नामित वयस्क तय है?',
        '避難の際、特別な支援が必要な子ども一人ひとりに、担当の大人が決まっていますか。',
      ),
      scoring: yesSafe('pillar2', 2),
    },
    {
      id: 'p2_reunification',
      type: 'yes_no',
      required: true,
      label: t(
        'After an emergency, are children handed over only to known guardians, with a record kept?',
        'क्या आपात स्थिति के बाद बच्चों को केवल पहचाने हुए अभिभावकों को, रिकॉर्ड रखते हुए, सौंपा जाता है?',
        '緊急時の後、子どもは記録を残したうえで、確認できた保護者にのみ引き渡されますか。',
      ),
      scoring: yesSafe('pillar2'),
    },
    {
      id: 'p2_continuity',
      type: 'yes_no',
      required: true,
      label: t(
        'Is there a plan to keep children learning if the school is closed or used as a relief shelter?',
        'यदि विद्यालय बंद हो या राहत शिविर के रूप में उपयोग हो, तो क्या बच्चों की पढ़ाई जारी रखने की योजना है?',
        '学校が休校になったり避難所として使われたりした場合に、学びを続ける計画がありますか。',
      ),
      scoring: yesSafe('pillar2'),
    },
    {
      id: 'p2_records_safe',
      type: 'yes_no',
      required: true,
      label: t(
        'Are pupil records protected from fire and flood, with a copy kept elsewhere or digitally?',
        'क्या विद्यार्थियों के रिकॉर्ड आग और बाढ़ से सुरक्षित हैं, और उनकी प्रति कहीं और या डिजिटल रूप में रखी है?',
        '児童生徒の記録は火災や浸水から守られ、別の場所またはデジタルで写しが保管されていますか。',
      ),
      scoring: yesSafe('pillar2'),
    },
  ],
};

import type { InstrumentSection } from '../instrument-types.js';
import { t, yesSafe, yesUnsafe } from './builders.js';

/** Scores here measure low exposure (1 = little exposure); they inform triage and are kept out of the readiness rating. */
export const hazardsSection: InstrumentSection = {
  id: 'hazards',
  title: t('Hazards', 'ख़तरे', 'ハザード'),
  description: t(
    'What threatens the school and the way to it. Answer for the last ten years.',
    'विद्यालय और वहाँ तक पहुँचने के रास्ते को किन ख़तरों से जोखिम है। पिछले दस वर्षों के आधार पर उत्तर दें।',
    '学校と通学路を脅かすもの。過去10年間について答えてください。',
  ),
  questions: [
    {
      id: 'haz_events',
      type: 'multi_choice',
      required: true,
      label: t(
        'Which of these have affected the school or its area in the last ten years?',
        'पिछले दस वर्षों में इनमें से किसने विद्यालय या उसके क्षेत्र को प्रभावित किया है?',
        '過去10年間に、学校またはその地域に影響したものはどれですか。',
      ),
      options: [
        { id: 'earthquake', label: t('Earthquake', 'भूकंप', '地震') },
        { id: 'flood', label: t('Flood', 'बाढ़', '洪水') },
        { id: 'cyclone', label: t('Cyclone or strong wind', 'चक्रवात या तेज़ आँधी', 'サイクロン・強風') },
        { id: 'landslide', label: t('Landslide', 'भूस्खलन', '土砂崩れ') },
        { id: 'fire', label: t('Fire', 'आग', '火災') },
        { id: 'heatwave', label: t('Heatwave', 'लू', '熱波') },
        { id: 'lightning', label: t('Lightning', 'आकाशीय बिजली', '落雷') },
        { id: 'none', exclusive: true, label: t('None of these', 'इनमें से कोई नहीं', 'いずれもない') },
      ],
    },
    {
      id: 'haz_flooded',
      type: 'yes_no',
      required: true,
      label: t(
        'Has water entered the campus, or cut the road to it, in the last ten years?',
        'क्या पिछले दस वर्षों में परिसर में पानी भरा है या वहाँ तक जाने वाली सड़क कटी है?',
        '過去10年間に、敷地に水が入ったり、学校への道路が寸断されたりしたことがありますか。',
      ),
      scoring: yesUnsafe('hazards', 2),
    },
    {
      id: 'haz_low_lying',
      type: 'yes_no',
      required: true,
      label: t(
        'Is the campus lower than the land around it, or does water stand in it after heavy rain?',
        'क्या परिसर आसपास की ज़मीन से नीचा है, या भारी बारिश के बाद उसमें पानी जमा रहता है?',
        '敷地は周囲の土地より低いですか。または大雨の後に水がたまりますか。',
      ),
      scoring: yesUnsafe('hazards'),
    },
    {
      id: 'haz_nearby',
      type: 'multi_choice',
      required: true,
      label: t(
        'Which of these lie within 500 metres of the campus?',
        'परिसर से 500 मीटर के भीतर इनमें से क्या-क्या है?',
        '敷地から500メートル以内にあるものはどれですか。',
      ),
      options: [
        { id: 'water_body', label: t('River, canal or pond', 'नदी, नहर या तालाब', '川・用水路・池') },
        { id: 'steep_slope', label: t('Steep slope or cliff', 'खड़ी ढलान या चट्टान', '急斜面・崖') },
        {
          id: 'industry',
          label: t('Factory, chemical store or fuel station', 'कारख़ाना, रसायन भंडार या पेट्रोल पंप', '工場・化学物質の保管所・給油所'),
        },
        { id: 'highway', label: t('Busy highway or railway line', 'व्यस्त राजमार्ग या रेलवे लाइन', '交通量の多い幹線道路・鉄道') },
        { id: 'power_lines', label: t('High-voltage power lines', 'हाई-वोल्टेज बिजली की लाइनें', '高圧送電線') },
        { id: 'none', exclusive: true, label: t('None of these', 'इनमें से कोई नहीं', 'いずれもない') },
      ],
      scoring: { pillar: 'hazards', weight: 1, answerScores: { none: 1, water_body: 0, steep_slope: 0, industry: 0, highway: 0, power_lines: 0 } },
    },
    {
      id: 'haz_past_damage',
      type: 'yes_no',
      required: true,
      label: t(
        'Has any school building ever been damaged by an earthquake, flood, storm or fire?',
        'क्या विद्यालय का कोई भवन कभी भूकंप, बाढ़, तूफ़ान या आग से क्षतिग्रस्त हुआ है?',
        '地震・洪水・嵐・火災で校舎が被害を受けたことがありますか。',
      ),
      scoring: yesUnsafe('hazards', 2),
    },
    {
      id: 'haz_all_season_access',
      type: 'yes_no',
      required: true,
      label: t(
        'Can the school be reached by road in every season?',
        'क्या हर मौसम में सड़क से विद्यालय पहुँचा जा सकता है?',
        'どの季節でも道路で学校に行くことができますか。',
      ),
      scoring: yesSafe('hazards'),
    },
  ],
};

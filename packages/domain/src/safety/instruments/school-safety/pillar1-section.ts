import type { InstrumentSection } from '../instrument-types.js';
import { scaleScoring, t, yesSafe, yesUnsafe } from './builders.js';

/**
 * CSSF Pillar 1, Safer Learning Facilities. The structural questions feed the red flags in `school-safety-rules.ts`;
 * a teacher can answer them by looking, and the engineer's inspection confirms or clears them.
 */
export const pillar1Section: InstrumentSection = {
  id: 'pillar1',
  title: t('Pillar 1: Safer learning facilities', 'स्तंभ 1: सुरक्षित शिक्षण सुविधाएँ', '柱1：より安全な学習施設'),
  questions: [
    {
      id: 'p1_building_type',
      type: 'choice',
      required: true,
      label: t(
        'What is the main school building made of?',
        'विद्यालय का मुख्य भवन किस प्रकार का बना है?',
        '主な校舎の構造は何ですか。',
      ),
      options: [
        { id: 'rcc_frame', label: t('Reinforced concrete frame (columns and beams)', 'आरसीसी ढाँचा (खंभे और बीम)', '鉄筋コンクリート造（柱・梁）') },
        {
          id: 'reinforced_masonry',
          label: t('Brick or block walls with seismic bands or steel bars', 'भूकंपरोधी बैंड या सरिया वाली ईंट/ब्लॉक की दीवारें', '耐震帯または鉄筋で補強したれんが・ブロック造'),
        },
        {
          id: 'unreinforced_masonry',
          label: t('Brick or stone walls without bands or steel', 'बिना बैंड या सरिया की ईंट या पत्थर की दीवारें', '補強のないれんが・石積み造'),
        },
        { id: 'kutcha', label: t('Kutcha: mud, bamboo or thatch', 'कच्चा: मिट्टी, बाँस या फूस', '土・竹・草ぶきなどの簡易な建物') },
        { id: 'steel_prefab', label: t('Steel or prefabricated', 'स्टील या पूर्वनिर्मित', '鉄骨造・プレハブ') },
        { id: 'not_sure', label: t('Mixed or not sure', 'मिश्रित या पता नहीं', '混在・わからない') },
      ],
      scoring: {
        pillar: 'pillar1',
        weight: 3,
        answerScores: { rcc_frame: 1, reinforced_masonry: 0.8, steel_prefab: 0.7, unreinforced_masonry: 0.2, kutcha: 0 },
      },
    },
    {
      id: 'p1_year_built',
      type: 'choice',
      required: true,
      help: t(
        'India\'s ductile detailing code for concrete buildings, IS 13920, dates from 1993.',
        'कंक्रीट भवनों के लिए भारत का डक्टाइल डिटेलिंग कोड IS 13920 वर्ष 1993 में आया।',
        'インドのコンクリート造の靱性設計規準 IS 13920 は1993年に制定されました。',
      ),
      label: t('When was the main building built?', 'मुख्य भवन कब बना था?', '主な校舎はいつ建てられましたか。'),
      options: [
        { id: 'before_1993', label: t('Before 1993', '1993 से पहले', '1993年より前') },
        { id: 'y1993_2004', label: t('1993 to 2004', '1993 से 2004 के बीच', '1993年〜2004年') },
        { id: 'y2005_on', label: t('2005 or later', '2005 या उसके बाद', '2005年以降') },
        { id: 'not_known', label: t('Not known', 'पता नहीं', '不明') },
      ],
      scoring: { pillar: 'pillar1', weight: 1, answerScores: { before_1993: 0.2, y1993_2004: 0.6, y2005_on: 1 } },
    },
    {
      id: 'p1_storeys',
      type: 'number',
      required: true,
      integer: true,
      min: 1,
      max: 20,
      unit: t('storeys', 'मंज़िलें', '階'),
      label: t(
        'How many storeys does the tallest school building have (ground floor counts as one)?',
        'विद्यालय के सबसे ऊँचे भवन में कितनी मंज़िलें हैं (भूतल को एक गिनें)?',
        '最も高い校舎は何階建てですか（1階を1と数えます）。',
      ),
    },
    {
      id: 'p1_engineer_checked',
      type: 'yes_no',
      required: true,
      label: t(
        'Has a qualified engineer checked the school buildings for safety in the last five years?',
        'क्या पिछले पाँच वर्षों में किसी योग्य अभियंता ने विद्यालय भवनों की सुरक्षा जाँच की है?',
        '過去5年以内に、資格のある技術者が校舎の安全性を点検しましたか。',
      ),
      scoring: yesSafe('pillar1', 2),
    },
    {
      id: 'p1_cracks',
      type: 'yes_no',
      required: true,
      label: t(
        'Are there visible cracks in load-bearing walls, columns or beams?',
        'क्या भार वहन करने वाली दीवारों, खंभों या बीम में दरारें दिखाई देती हैं?',
        '耐力壁・柱・梁に目に見えるひび割れがありますか。',
      ),
      help: t(
        'Cracks wider than a coin\'s edge, diagonal cracks and cracks near corners or openings matter most.',
        'सिक्के की धार से चौड़ी दरारें, तिरछी दरारें और कोनों या खिड़की-दरवाज़ों के पास की दरारें सबसे गंभीर हैं।',
        '硬貨の縁より幅の広いひび、斜めのひび、角や開口部の近くのひびが特に重要です。',
      ),
      scoring: yesUnsafe('pillar1', 3),
    },
    {
      id: 'p1_cracks_photo',
      type: 'photo',
      required: false,
      maxPhotos: 5,
      showIf: { question: 'p1_cracks', equals: 'yes' },
      label: t('Photograph the worst cracks.', 'सबसे गंभीर दरारों की फ़ोटो लें।', '最もひどいひび割れを撮影してください。'),
    },
    {
      id: 'p1_roof_secure',
      type: 'yes_no',
      required: true,
      label: t(
        'Is the roof firmly fixed, with no loose sheets or tiles and no sagging?',
        'क्या छत मज़बूती से जुड़ी है, बिना ढीली चादरों या खपरैल और बिना झुकाव के?',
        '屋根はしっかり固定されていますか（浮いた板や瓦、たわみがない）。',
      ),
      scoring: yesSafe('pillar1'),
    },
    {
      id: 'p1_clear_exits',
      type: 'yes_no',
      required: true,
      label: t(
        'Does every classroom have a door that opens outwards or stays open, with a clear way out?',
        'क्या हर कक्षा का दरवाज़ा बाहर की ओर खुलता है या खुला रहता है, और बाहर निकलने का रास्ता साफ़ है?',
        'すべての教室に、外開きまたは開けたままにできる扉と、障害物のない避難経路がありますか。',
      ),
      scoring: yesSafe('pillar1', 2),
    },
    {
      id: 'p1_two_stairs',
      type: 'yes_no',
      required: true,
      showIf: { question: 'p1_storeys', gt: 1 },
      label: t(
        'Do the buildings with upper floors have at least two separate staircases?',
        'क्या ऊपरी मंज़िलों वाले भवनों में कम से कम दो अलग सीढ़ियाँ हैं?',
        '2階以上の校舎には、別々の階段が2つ以上ありますか。',
      ),
      scoring: yesSafe('pillar1', 2),
    },
    {
      id: 'p1_fixed_furniture',
      type: 'scale',
      required: true,
      label: t(
        'In how many rooms are cupboards, shelves and heavy objects fixed to the wall or floor?',
        'कितने कमरों में अलमारियाँ, रैक और भारी सामान दीवार या फ़र्श से बँधे हैं?',
        '戸棚・棚・重い物が壁や床に固定されている部屋はどのくらいありますか。',
      ),
      scoring: scaleScoring('pillar1'),
    },
    {
      id: 'p1_fire_extinguishers',
      type: 'scale',
      required: true,
      label: t(
        'How many floors and blocks have a working fire extinguisher within its expiry date?',
        'कितनी मंज़िलों और खंडों में चालू और समय-सीमा के भीतर अग्निशामक यंत्र है?',
        '使用期限内で使える消火器が備えられている階・棟はどのくらいありますか。',
      ),
      scoring: scaleScoring('pillar1'),
    },
    {
      id: 'p1_electrical_hazards',
      type: 'yes_no',
      required: true,
      label: t(
        'Are there bare wires, overloaded sockets or damaged electrical fittings?',
        'क्या कहीं खुले तार, ज़रूरत से ज़्यादा भरे सॉकेट या टूटी बिजली की फ़िटिंग हैं?',
        'むき出しの電線、たこ足配線、破損した電気器具がありますか。',
      ),
      scoring: yesUnsafe('pillar1'),
    },
    {
      id: 'p1_kitchen',
      type: 'choice',
      required: true,
      label: t('Where is the mid-day meal cooked?', 'मध्याह्न भोजन कहाँ पकाया जाता है?', '給食はどこで調理されていますか。'),
      options: [
        { id: 'separate_kitchen', label: t('In a separate kitchen shed', 'अलग रसोई शेड में', '独立した調理棟') },
        { id: 'classroom_block', label: t('Inside or against a classroom block', 'कक्षा भवन के अंदर या उससे सटकर', '教室棟の中または隣接した場所') },
        { id: 'open_air', label: t('In the open', 'खुले में', '屋外') },
        { id: 'not_cooked', label: t('No meal is cooked at school', 'विद्यालय में भोजन नहीं पकता', '学校では調理しない') },
      ],
      scoring: { pillar: 'pillar1', weight: 1, answerScores: { separate_kitchen: 1, open_air: 0.6, classroom_block: 0.1 } },
    },
    {
      id: 'p1_water_toilets',
      type: 'yes_no',
      required: true,
      label: t(
        'Does the school have safe drinking water and working toilets that would still work after a flood or earthquake?',
        'क्या विद्यालय में सुरक्षित पेयजल और चालू शौचालय हैं, जो बाढ़ या भूकंप के बाद भी काम करेंगे?',
        '安全な飲み水と使えるトイレがあり、洪水や地震の後も使える状態ですか。',
      ),
      scoring: yesSafe('pillar1'),
    },
  ],
};

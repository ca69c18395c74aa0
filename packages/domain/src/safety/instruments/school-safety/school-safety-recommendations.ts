import type { RecommendationRule } from '../instrument-types.js';
import { t } from './builders.js';

/** Recommendations chosen by the answers; the wording follows the measures in CSSF 2022-2030 and NDMA 2016. */
export const schoolSafetyRecommendations: readonly RecommendationRule[] = [
  {
    id: 'REC_ENGINEER_INSPECTION',
    pillar: 'pillar1',
    priority: 'urgent',
    when: {
      any: [
        { question: 'p1_cracks', equals: 'yes' },
        { question: 'p1_building_type', in: ['kutcha', 'unreinforced_masonry'] },
        { all: [{ question: 'haz_past_damage', equals: 'yes' }, { question: 'p1_engineer_checked', equals: 'no' }] },
      ],
    },
    text: t(
      'Ask the block engineer for a structural safety inspection, and keep children out of any room with wide or diagonal cracks until it is done.',
      'ब्लॉक अभियंता से संरचनात्मक सुरक्षा जाँच करवाएँ, और जाँच होने तक चौड़ी या तिरछी दरारों वाले कमरों में बच्चों को न बैठाएँ।',
      'ブロックの技術者に構造安全点検を依頼し、点検が終わるまで、幅の広いひびや斜めのひびがある部屋に子どもを入れないでください。',
    ),
  },
  {
    id: 'REC_FORM_SDMC',
    pillar: 'foundation',
    priority: 'high',
    when: { question: 'fnd_sdmc', equals: 'no' },
    text: t(
      'Form a School Disaster Management Committee with the head teacher, teachers, parents, students and local officials.',
      'प्रधानाध्यापक, शिक्षकों, अभिभावकों, विद्यार्थियों और स्थानीय अधिकारियों को मिलाकर विद्यालय आपदा प्रबंधन समिति बनाएँ।',
      '校長・教員・保護者・児童生徒・地域の関係者で学校防災管理委員会を設置してください。',
    ),
  },
  {
    id: 'REC_WRITE_PLAN',
    pillar: 'foundation',
    priority: 'high',
    when: { question: 'fnd_plan', equals: 'none' },
    text: t(
      'Write a School Disaster Management Plan and send it to the education office for approval.',
      'विद्यालय आपदा प्रबंधन योजना बनाएँ और अनुमोदन के लिए शिक्षा कार्यालय भेजें।',
      '学校防災計画を作成し、教育委員会に承認を申請してください。',
    ),
  },
  {
    id: 'REC_REVIEW_PLAN',
    pillar: 'foundation',
    priority: 'medium',
    when: { question: 'fnd_plan_reviewed', equals: 'no' },
    text: t(
      'Review the plan with the committee: update contacts, task force members and lessons from the last drill.',
      'समिति के साथ योजना की समीक्षा करें: संपर्क, कार्य बल के सदस्य और पिछले अभ्यास की सीख अद्यतन करें।',
      '委員会で計画を見直し、連絡先・班のメンバー・前回の訓練の教訓を更新してください。',
    ),
  },
  {
    id: 'REC_NAME_FOCAL_POINT',
    pillar: 'foundation',
    priority: 'medium',
    when: { question: 'fnd_focal_point', equals: 'no' },
    text: t(
      'Name a teacher as the school safety focal point and tell the block office.',
      'एक शिक्षक को विद्यालय सुरक्षा नोडल शिक्षक नामित करें और ब्लॉक कार्यालय को सूचित करें।',
      '学校安全の担当教員を指名し、ブロック事務所に届け出てください。',
    ),
  },
  {
    id: 'REC_FIX_FURNITURE',
    pillar: 'pillar1',
    priority: 'medium',
    when: { question: 'p1_fixed_furniture', in: ['SOME', 'FEW', 'NONE'] },
    text: t(
      'Fix cupboards, shelves and heavy objects to walls or floors, and keep heavy items low.',
      'अलमारियों, रैक और भारी सामान को दीवार या फ़र्श से बाँधें, और भारी चीज़ें नीचे रखें।',
      '戸棚・棚・重い物を壁や床に固定し、重い物は低い位置に置いてください。',
    ),
  },
  {
    id: 'REC_FIRE_EXTINGUISHERS',
    pillar: 'pillar1',
    priority: 'high',
    when: { question: 'p1_fire_extinguishers', in: ['FEW', 'NONE'] },
    text: t(
      'Place a working fire extinguisher on every floor and in the kitchen, and train staff to use it.',
      'हर मंज़िल और रसोई में चालू अग्निशामक यंत्र रखें, और कर्मचारियों को उसे चलाना सिखाएँ।',
      '各階と調理場に使える消火器を置き、職員に使い方を訓練してください。',
    ),
  },
  {
    id: 'REC_ELECTRICAL_REPAIR',
    pillar: 'pillar1',
    priority: 'high',
    when: { question: 'p1_electrical_hazards', equals: 'yes' },
    text: t(
      'Have an electrician replace bare wires and damaged fittings and remove overloaded sockets.',
      'बिजली मिस्त्री से खुले तार और टूटी फ़िटिंग बदलवाएँ और ज़्यादा भरे सॉकेट हटवाएँ।',
      '電気工事士に、むき出しの電線や破損した器具を交換し、たこ足配線をなくしてもらってください。',
    ),
  },
  {
    id: 'REC_MOVE_KITCHEN',
    pillar: 'pillar1',
    priority: 'medium',
    when: { question: 'p1_kitchen', equals: 'classroom_block' },
    text: t(
      'Move cooking out of the classroom block into a separate kitchen shed.',
      'खाना पकाने का काम कक्षा भवन से हटाकर अलग रसोई शेड में ले जाएँ।',
      '調理を教室棟から独立した調理棟に移してください。',
    ),
  },
  {
    id: 'REC_SECOND_STAIRCASE',
    pillar: 'pillar1',
    priority: 'high',
    when: { question: 'p1_two_stairs', equals: 'no' },
    text: t(
      'Plan a second way down from upper floors, and until then hold upper-floor classes for younger children on the ground floor.',
      'ऊपरी मंज़िलों से नीचे आने का दूसरा रास्ता बनाने की योजना बनाएँ, और तब तक छोटे बच्चों की कक्षाएँ भूतल पर लगाएँ।',
      '上階からの2つ目の避難経路を計画し、それまでは低学年の授業を1階で行ってください。',
    ),
  },
  {
    id: 'REC_FORM_TASK_FORCES',
    pillar: 'pillar2',
    priority: 'high',
    // "Not includes" is true for an unanswered question, so require an answer first.
    when: {
      all: [
        { question: 'p2_task_forces', answered: true },
        {
          any: [
            { not: { question: 'p2_task_forces', includes: 'evacuation' } },
            { not: { question: 'p2_task_forces', includes: 'first_aid' } },
            { not: { question: 'p2_task_forces', includes: 'search_rescue' } },
          ],
        },
      ],
    },
    text: t(
      'Form the missing task forces, at least evacuation, first aid and search and rescue, and name a leader for each.',
      'छूटे हुए कार्य बल बनाएँ, कम से कम निकासी, प्राथमिक चिकित्सा तथा खोज और बचाव, और हर एक का प्रमुख नामित करें।',
      '不足している班（少なくとも避難誘導・応急手当・捜索救助）を編成し、それぞれ班長を決めてください。',
    ),
  },
  {
    id: 'REC_HOLD_DRILL',
    pillar: 'pillar2',
    priority: 'high',
    when: { question: 'p2_last_drill', in: ['over_a_year', 'never'] },
    text: t(
      'Hold an evacuation drill this term and then every six months, timing each stage.',
      'इसी सत्र में निकासी अभ्यास करें और फिर हर छह महीने में, हर चरण का समय नोट करें।',
      '今学期中に避難訓練を行い、その後は6か月ごとに、各段階の時間を計って実施してください。',
    ),
  },
  {
    id: 'REC_FASTER_EVACUATION',
    pillar: 'pillar2',
    priority: 'medium',
    when: { question: 'p2_drill_seconds', gt: 240 },
    text: t(
      'Evacuation took longer than four minutes: clear the routes, assign each class a staircase and practise again.',
      'निकासी में चार मिनट से अधिक लगे: रास्ते साफ़ करें, हर कक्षा के लिए सीढ़ी तय करें और फिर अभ्यास करें।',
      '避難に4分以上かかりました。経路を片付け、学級ごとに使う階段を決めて、もう一度練習してください。',
    ),
  },
  {
    id: 'REC_ASSEMBLY_POINT',
    pillar: 'pillar2',
    priority: 'high',
    when: { question: 'p2_assembly_point', equals: 'no' },
    text: t(
      'Choose and mark an assembly point in open ground, away from buildings, trees, walls and power lines.',
      'भवनों, पेड़ों, दीवारों और बिजली की लाइनों से दूर खुले मैदान में सभा स्थल चुनें और चिह्नित करें।',
      '建物・樹木・塀・電線から離れた空き地に集合場所を決めて表示してください。',
    ),
  },
  {
    id: 'REC_ALARM',
    pillar: 'pillar2',
    priority: 'medium',
    when: { question: 'p2_alarm', equals: 'no' },
    text: t(
      'Agree an emergency alarm that differs from the class bell and test that it is heard everywhere.',
      'कक्षा की घंटी से अलग आपात अलार्म तय करें और जाँचें कि वह हर जगह सुनाई दे।',
      '授業のチャイムと区別できる非常警報を決め、どこでも聞こえるか確かめてください。',
    ),
  },
  {
    id: 'REC_SPECIAL_NEEDS_BUDDIES',
    pillar: 'pillar2',
    priority: 'high',
    when: { question: 'p2_special_needs', equals: 'no' },
    text: t(
      'Assign a named adult, and a stand-in, to each child with special needs, and include them in every drill.',
      'विशेष आवश्यकता वाले हर बच्चे के लिए एक नामित वयस्क और एक सहायक तय करें, और उन्हें हर अभ्यास में शामिल करें।',
      '特別な支援が必要な子ども一人ひとりに担当の大人と代理を決め、毎回の訓練に参加してもらってください。',
    ),
  },
  {
    id: 'REC_TRAIN_TEACHERS',
    pillar: 'pillar3',
    priority: 'high',
    when: { question: 'p3_teachers_trained', in: ['SOME', 'FEW', 'NONE'] },
    text: t(
      'Arrange disaster preparedness and first-aid training for the teachers who have not had it.',
      'जिन शिक्षकों को प्रशिक्षण नहीं मिला, उनके लिए आपदा तैयारी और प्राथमिक चिकित्सा प्रशिक्षण की व्यवस्था करें।',
      'まだ研修を受けていない教員のために、防災と応急手当の研修を手配してください。',
    ),
  },
  {
    id: 'REC_TEACH_RISK_REDUCTION',
    pillar: 'pillar3',
    priority: 'medium',
    when: { question: 'p3_taught_in_class', equals: 'no' },
    text: t(
      'Teach local hazards and safe behaviour through lessons, games and drills in every grade.',
      'हर कक्षा में पाठों, खेलों और अभ्यासों के माध्यम से स्थानीय ख़तरे और सुरक्षित व्यवहार सिखाएँ।',
      'すべての学年で、授業・遊び・訓練を通じて地域のハザードと安全な行動を教えてください。',
    ),
  },
  {
    id: 'REC_FLOOD_PREPARATION',
    pillar: 'hazards',
    priority: 'high',
    when: {
      any: [
        { question: 'haz_flooded', equals: 'yes' },
        { question: 'haz_low_lying', equals: 'yes' },
      ],
    },
    text: t(
      'Keep records and electrical fittings above flood level and agree a route to higher ground before the monsoon.',
      'रिकॉर्ड और बिजली की फ़िटिंग बाढ़ के स्तर से ऊपर रखें और मानसून से पहले ऊँचे स्थान तक जाने का रास्ता तय करें।',
      '記録や電気設備を浸水の高さより上に置き、雨季の前に高台への避難経路を決めておいてください。',
    ),
  },
];

import type { InstrumentSection } from '../instrument-types.js';
import { scaleScoring, t, yesSafe } from './builders.js';

/** CSSF 2022-2030 foundation: the enabling systems (committee, plan, people, money, partners) a school works within. */
export const foundationSection: InstrumentSection = {
  id: 'foundation',
  title: t('Foundation: enabling systems', 'आधार: सहायक व्यवस्थाएँ', '基盤：支える仕組み'),
  questions: [
    {
      id: 'fnd_sdmc',
      type: 'yes_no',
      required: true,
      label: t(
        'Has the school formed a School Disaster Management Committee?',
        'क्या विद्यालय ने विद्यालय आपदा प्रबंधन समिति बनाई है?',
        '学校防災管理委員会を設置していますか。',
      ),
      scoring: yesSafe('foundation', 2),
    },
    {
      id: 'fnd_sdmc_meets',
      type: 'choice',
      required: true,
      showIf: { question: 'fnd_sdmc', equals: 'yes' },
      label: t('How often does the committee meet?', 'समिति की बैठक कितनी बार होती है?', '委員会はどのくらいの頻度で開かれますか。'),
      options: [
        { id: 'monthly', label: t('Every month', 'हर महीने', '毎月') },
        { id: 'quarterly', label: t('Every three months', 'हर तीन महीने', '3か月ごと') },
        { id: 'half_yearly', label: t('Twice a year', 'साल में दो बार', '年2回') },
        { id: 'rarely', label: t('Once a year or less', 'साल में एक बार या उससे कम', '年1回以下') },
      ],
      scoring: { pillar: 'foundation', weight: 1, answerScores: { monthly: 1, quarterly: 0.8, half_yearly: 0.5, rarely: 0.2 } },
    },
    {
      id: 'fnd_focal_point',
      type: 'yes_no',
      required: true,
      label: t(
        'Is a teacher named as the school safety focal point?',
        'क्या किसी शिक्षक को विद्यालय सुरक्षा नोडल शिक्षक नामित किया गया है?',
        '学校安全の担当教員が指名されていますか。',
      ),
      scoring: yesSafe('foundation'),
    },
    {
      id: 'fnd_plan',
      type: 'choice',
      required: true,
      label: t(
        'Does the school have a written School Disaster Management Plan?',
        'क्या विद्यालय के पास लिखित विद्यालय आपदा प्रबंधन योजना है?',
        '学校防災計画を文書で作成していますか。',
      ),
      options: [
        { id: 'approved', label: t('Yes, approved by the education office', 'हाँ, शिक्षा कार्यालय द्वारा अनुमोदित', 'はい、教育委員会の承認済み') },
        { id: 'draft', label: t('Yes, but only a draft', 'हाँ, लेकिन केवल मसौदा', 'はい、ただし案の段階') },
        { id: 'none', label: t('No', 'नहीं', 'いいえ') },
      ],
      scoring: { pillar: 'foundation', weight: 2, answerScores: { approved: 1, draft: 0.5, none: 0 } },
    },
    {
      id: 'fnd_plan_reviewed',
      type: 'yes_no',
      required: true,
      showIf: { question: 'fnd_plan', in: ['approved', 'draft'] },
      label: t(
        'Was the plan reviewed and updated in the last twelve months?',
        'क्या पिछले बारह महीनों में योजना की समीक्षा कर उसे अद्यतन किया गया?',
        '計画は過去12か月以内に見直し・更新されましたか。',
      ),
      scoring: yesSafe('foundation'),
    },
    {
      id: 'fnd_budget',
      type: 'yes_no',
      required: true,
      label: t(
        'Does the school set aside money for safety, for example from the composite school grant?',
        'क्या विद्यालय सुरक्षा के लिए धन अलग रखता है, जैसे संयुक्त विद्यालय अनुदान में से?',
        '学校補助金などから、安全対策のための予算を確保していますか。',
      ),
      scoring: yesSafe('foundation'),
    },
    {
      id: 'fnd_local_contacts',
      type: 'scale',
      required: true,
      label: t(
        'With how many local emergency services (fire, police, health centre, disaster management office) does the school keep a current contact?',
        'कितनी स्थानीय आपात सेवाओं (अग्निशमन, पुलिस, स्वास्थ्य केंद्र, आपदा प्रबंधन कार्यालय) से विद्यालय का संपर्क बना हुआ है?',
        '地域の緊急機関（消防・警察・保健センター・防災担当部署）のうち、いくつと最新の連絡先を共有していますか。',
      ),
      scoring: scaleScoring('foundation'),
    },
    {
      id: 'fnd_parents_informed',
      type: 'scale',
      required: true,
      label: t(
        "How many parents know the school's emergency and child hand-over arrangements?",
        'कितने अभिभावक विद्यालय की आपात व्यवस्था और बच्चों को सौंपने की प्रक्रिया जानते हैं?',
        '学校の緊急時の対応と児童生徒の引き渡し方法を知っている保護者はどのくらいいますか。',
      ),
      scoring: scaleScoring('foundation'),
    },
  ],
};

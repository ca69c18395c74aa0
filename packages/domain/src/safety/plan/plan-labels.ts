import { localized as t, type Localized } from '../i18n.js';
import type { PlanSection, SopKind, StandardTaskForceType } from './plan-types.js';

/** Names of the NDMA task forces, for forms and the plan PDF. */
export const taskForceLabels: Readonly<Record<StandardTaskForceType, Localized>> = {
  awareness_warning: t(
    'Awareness generation, warning and information dissemination',
    'जागरूकता सृजन, चेतावनी और सूचना प्रसार',
    '啓発・警報・情報伝達',
  ),
  evacuation: t('Evacuation', 'निकासी', '避難誘導'),
  search_rescue: t('Search and rescue', 'खोज और बचाव', '捜索救助'),
  fire_safety: t('Fire safety', 'अग्नि सुरक्षा', '消火・防火'),
  first_aid: t('First aid', 'प्राथमिक चिकित्सा', '応急手当'),
  bus_safety: t('Bus safety', 'बस सुरक्षा', 'スクールバス安全'),
  site_security: t('Site security', 'परिसर सुरक्षा', '校内警備'),
};

export const planSectionLabels: Readonly<Record<PlanSection, Localized>> = {
  profile: t('School profile', 'विद्यालय प्रोफ़ाइल', '学校の概要'),
  hazardAssessment: t('Hazard, risk and vulnerability assessment', 'ख़तरा, जोखिम और संवेदनशीलता आकलन', 'ハザード・リスク・脆弱性の評価'),
  committee: t('School Disaster Management Committee', 'विद्यालय आपदा प्रबंधन समिति', '学校防災管理委員会'),
  taskForces: t('Task forces', 'कार्य बल', '班編成'),
  sops: t('Standard operating procedures', 'मानक संचालन प्रक्रियाएँ', '標準作業手順'),
  emergencyContacts: t('Emergency contacts', 'आपातकालीन संपर्क', '緊急連絡先'),
  evacuationRoutes: t('Evacuation routes', 'निकासी मार्ग', '避難経路'),
  assemblyPoints: t('Assembly points', 'सभा स्थल', '集合場所'),
  resources: t('Resource inventory', 'संसाधन सूची', '資機材一覧'),
  trainingPlan: t('Training plan', 'प्रशिक्षण योजना', '研修計画'),
  drillSchedule: t('Drill schedule', 'अभ्यास (मॉक ड्रिल) कार्यक्रम', '訓練予定'),
};

export const sopKindLabels: Readonly<Record<SopKind, Localized>> = {
  drop_cover_hold: t('Drop, cover and hold on', 'झुको, ढको और पकड़ो', '姿勢を低く・頭を守り・じっとする'),
  evacuation: t('Evacuation', 'निकासी', '避難'),
  shelter_in_place: t('Shelter in place', 'जहाँ हैं वहीं सुरक्षित शरण', '屋内待避'),
  lockdown: t('Lockdown', 'लॉकडाउन', 'ロックダウン（施錠・籠城）'),
  reunification: t('Handing children over to guardians', 'बच्चों को अभिभावकों को सौंपना', '保護者への引き渡し'),
  special_needs_support: t('Support for children with special needs', 'विशेष आवश्यकता वाले बच्चों की सहायता', '特別な支援が必要な子どもへの支援'),
};

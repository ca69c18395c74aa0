import { localized as t } from '../i18n.js';
import type { TrainingModule } from './training-types.js';

/** The built-in module catalogue: one module per NDMA task force, and the general ones. Country teams add theirs. */
export const defaultTrainingModules: readonly TrainingModule[] = [
  { id: 'tf-awareness-warning', taskForceType: 'awareness_warning', audiences: ['task_force'], title: t('Warning and information dissemination', 'चेतावनी और सूचना प्रसार', '警報と情報伝達') },
  { id: 'tf-evacuation', taskForceType: 'evacuation', audiences: ['task_force'], title: t('Leading an evacuation', 'निकासी का नेतृत्व', '避難誘導の進め方') },
  { id: 'tf-search-rescue', taskForceType: 'search_rescue', audiences: ['task_force'], title: t('Basic search and rescue', 'बुनियादी खोज और बचाव', '基本的な捜索救助') },
  { id: 'tf-fire-safety', taskForceType: 'fire_safety', audiences: ['task_force'], title: t('Fire safety and extinguishers', 'अग्नि सुरक्षा और अग्निशामक यंत्र', '防火と消火器の使い方') },
  { id: 'tf-first-aid', taskForceType: 'first_aid', audiences: ['task_force', 'teachers'], title: t('First aid', 'प्राथमिक चिकित्सा', '応急手当') },
  { id: 'tf-bus-safety', taskForceType: 'bus_safety', audiences: ['task_force'], title: t('School bus safety', 'स्कूल बस सुरक्षा', 'スクールバスの安全') },
  { id: 'tf-site-security', taskForceType: 'site_security', audiences: ['task_force'], title: t('Site security and lockdown', 'परिसर सुरक्षा और लॉकडाउन', '校内警備とロックダウン') },
  { id: 'students-safe-behaviour', audiences: ['students'], title: t('Staying safe: drop, cover, hold and evacuation', 'सुरक्षित रहना: झुको, ढको, पकड़ो और निकासी', '身を守る：姿勢を低く・頭を守り・じっとする、そして避難') },
  { id: 'committee-planning', audiences: ['committee', 'teachers', 'parents'], title: t('Writing and reviewing the school plan', 'विद्यालय योजना बनाना और उसकी समीक्षा', '学校防災計画の作成と見直し') },
];

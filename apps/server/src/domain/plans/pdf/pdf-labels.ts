import {
  localized as t,
  type AdultRole,
  type CommitteeMember,
  type EmergencyContact,
  type Localized,
  type PlanStatus,
  type SafetyHazard,
  type TrainingAudience,
} from '@safeschools/domain';

/**
 * Words the plan PDF prints around the school's own text. Section, task force and procedure names come from the
 * domain's plan labels so that forms and the PDF say the same thing.
 */
export const pdfLabels = {
  documentTitle: t('School Disaster Management Plan', 'विद्यालय आपदा प्रबंधन योजना', '学校防災計画'),
  basedOn: t(
    'Structure of the NDMA School Safety Policy Guidelines 2016, Annexure 8',
    'एनडीएमए विद्यालय सुरक्षा नीति दिशानिर्देश 2016, अनुलग्नक 8 की संरचना',
    'NDMA 学校安全政策ガイドライン 2016（附属書 8）の構成',
  ),
  generatedOn: t('Generated on', 'तैयार करने की तिथि', '作成日'),
  status: t('Status', 'स्थिति', '状態'),
  version: t('Version', 'संस्करण', '版'),
  approvedOn: t('Approved on', 'अनुमोदन की तिथि', '承認日'),
  reviewDue: t('Review due', 'समीक्षा की नियत तिथि', '見直し期限'),
  notYet: t('not yet', 'अभी नहीं', '未定'),
  pageFormat: t('Page {page} of {total}', 'पृष्ठ {page} / {total}', '{page} / {total} ページ'),
  returnComments: t('Comments on return', 'लौटाते समय टिप्पणियाँ', '差し戻し時のコメント'),
  needsUpdate: t('Sections to update at the next revision', 'अगले संशोधन में अद्यतन किए जाने वाले खंड', '次回改訂で更新する項目'),
  /** Between a label and its value; Japanese uses the full-width colon. */
  colon: t(': ', ': ', '：'),
  noneRecorded: t('None recorded.', 'कुछ दर्ज नहीं है।', '記録なし。'),
  /** A head count no one has recorded: unknown, which 0 would misstate. */
  notRecorded: t('Not recorded', 'दर्ज नहीं', '未記録'),

  udiseCode: t('UDISE code', 'यू-डाइस कोड', 'UDISE コード'),
  address: t('Address', 'पता', '所在地'),
  students: t('Students (girls / boys / other)', 'विद्यार्थी (बालिकाएँ / बालक / अन्य)', '児童生徒（女子／男子／その他）'),
  specialNeeds: t('Children with special needs', 'विशेष आवश्यकता वाले बच्चे', '特別な支援が必要な子ども'),
  teachers: t('Teachers', 'शिक्षक', '教員'),
  nonTeachingStaff: t('Non-teaching staff', 'गैर-शिक्षण कर्मचारी', '教員以外の職員'),
  buildings: t('Buildings', 'भवन', '校舎数'),
  buses: t('School buses', 'स्कूल बसें', 'スクールバス'),

  nonStructural: t('Non-structural hazards', 'गैर-संरचनात्मक ख़तरे', '非構造部材の危険'),
  structural: t('Structural assessment', 'संरचनात्मक आकलन', '構造の評価'),
  outsideCampus: t('Hazards outside the campus', 'परिसर के बाहर के ख़तरे', '校外の危険'),
  pastIncidents: t('Past incidents', 'पिछली घटनाएँ', '過去の災害・事故'),
  vulnerableSpots: t('Vulnerable spots', 'संवेदनशील स्थान', '危険箇所'),
  finding: t('Finding', 'निष्कर्ष', '指摘事項'),
  assessedBy: t('Assessed by', 'आकलनकर्ता', '評価者'),
  byTeachers: t('Teachers', 'शिक्षक', '教員'),
  byStudents: t('Students', 'विद्यार्थी', '児童生徒'),
  engineer: t('Engineer', 'अभियंता', '技術者'),
  hazard: t('Hazard', 'ख़तरा', 'ハザード'),
  date: t('Date', 'तिथि', '日付'),
  description: t('Description', 'विवरण', '内容'),

  coreTeam: t('Core team', 'कोर टीम', '中核チーム'),
  member: t('Member', 'सदस्य', 'メンバー'),
  role: t('Role', 'भूमिका', '役割'),
  position: t('Position', 'पद', '役職'),
  phone: t('Phone', 'फ़ोन', '電話'),
  yes: t('Yes', 'हाँ', 'はい'),
  leader: t('Leader', 'प्रमुख', '班長'),
  studentGroup: t('Student group', 'विद्यार्थी समूह', '児童生徒グループ'),
  grade: t('grade', 'कक्षा', '学年'),
  students1: t('1 student', '1 विद्यार्थी', '児童生徒 1 名'),
  studentsN: t('{n} students', '{n} विद्यार्थी', '児童生徒 {n} 名'),
  unknownPerson: t('(person not in the plan)', '(व्यक्ति योजना में नहीं)', '（計画に未登録の人物）'),
  bus: t('Bus', 'बस', 'バス'),
  before: t('Before', 'आपदा से पहले', '発生前'),
  during: t('During', 'आपदा के दौरान', '発生時'),
  after: t('After', 'आपदा के बाद', '発生後'),
  customTaskForce: t('Task force', 'कार्य बल', '班'),

  service: t('Service', 'सेवा', '機関'),
  name: t('Name', 'नाम', '名称'),
  routesAndPoints: t('Evacuation routes and assembly points', 'निकासी मार्ग और सभा स्थल', '避難経路と集合場所'),
  mapNote: t(
    'Schematic drawn from the plan’s coordinates (no background map).',
    'योजना के निर्देशांकों से बना रेखाचित्र (पृष्ठभूमि मानचित्र के बिना)।',
    '計画の座標から描いた略図（背景地図なし）。',
  ),
  noCoordinates: t(
    'No coordinates recorded, so no map.',
    'कोई निर्देशांक दर्ज नहीं, इसलिए मानचित्र नहीं।',
    '座標の記録がないため地図はありません。',
  ),
  route: t('Route', 'मार्ग', '経路'),
  assemblyPoint: t('Assembly point', 'सभा स्थल', '集合場所'),
  points: t('Points', 'बिंदु', '地点数'),
  capacity: t('Capacity', 'क्षमता', '収容人数'),
  coordinates: t('Coordinates', 'निर्देशांक', '座標'),
  item: t('Item', 'वस्तु', '品目'),
  quantity: t('Quantity', 'संख्या', '数量'),
  location: t('Location', 'स्थान', '保管場所'),
  module: t('Module', 'मॉड्यूल', '研修項目'),
  audience: t('Audience', 'प्रतिभागी', '対象'),
  plannedOn: t('Planned on', 'नियोजित तिथि', '予定日'),
} as const satisfies Record<string, Localized>;

export const statusLabels: Readonly<Record<PlanStatus, Localized>> = {
  draft: t('Draft', 'मसौदा', '下書き'),
  submitted: t('Submitted', 'प्रस्तुत', '提出済み'),
  approved: t('Approved', 'अनुमोदित', '承認済み'),
  returned: t('Returned for changes', 'संशोधन हेतु लौटाई गई', '差し戻し'),
};

export const hazardLabels: Readonly<Record<SafetyHazard | 'other', Localized>> = {
  earthquake: t('Earthquake', 'भूकंप', '地震'),
  flood: t('Flood', 'बाढ़', '洪水'),
  cyclone: t('Cyclone', 'चक्रवात', 'サイクロン'),
  fire: t('Fire', 'आग', '火災'),
  landslide: t('Landslide', 'भूस्खलन', '土砂災害'),
  tsunami: t('Tsunami', 'सुनामी', '津波'),
  heatwave: t('Heatwave', 'लू (ग्रीष्म लहर)', '熱波'),
  lightning: t('Lightning', 'आकाशीय बिजली', '落雷'),
  chemical: t('Chemical accident', 'रासायनिक दुर्घटना', '化学事故'),
  stampede: t('Stampede', 'भगदड़', '群衆事故'),
  intruder: t('Intruder', 'घुसपैठिया', '不審者侵入'),
  other: t('Other', 'अन्य', 'その他'),
};

export const adultRoleLabels: Readonly<Record<AdultRole, Localized>> = {
  teacher: t('Teacher', 'शिक्षक', '教員'),
  non_teaching_staff: t('Non-teaching staff', 'गैर-शिक्षण कर्मचारी', '職員'),
  parent: t('Parent', 'अभिभावक', '保護者'),
  community: t('Community member', 'समुदाय के सदस्य', '地域住民'),
  external: t('External expert', 'बाहरी विशेषज्ञ', '外部専門家'),
};

export const positionLabels: Readonly<Record<CommitteeMember['position'], Localized>> = {
  chairperson: t('Chairperson', 'अध्यक्ष', '委員長'),
  convenor: t('Convenor', 'संयोजक', '幹事'),
  member: t('Member', 'सदस्य', '委員'),
};

export const serviceLabels: Readonly<Record<EmergencyContact['service'], Localized>> = {
  police: t('Police', 'पुलिस', '警察'),
  fire: t('Fire service', 'अग्निशमन सेवा', '消防'),
  ambulance: t('Ambulance', 'एम्बुलेंस', '救急'),
  hospital: t('Hospital', 'अस्पताल', '病院'),
  disaster_management: t('Disaster management authority', 'आपदा प्रबंधन प्राधिकरण', '防災担当機関'),
  education_office: t('Education office', 'शिक्षा कार्यालय', '教育委員会'),
  other: t('Other', 'अन्य', 'その他'),
};

export const audienceLabels: Readonly<Record<TrainingAudience, Localized>> = {
  students: t('Students', 'विद्यार्थी', '児童生徒'),
  teachers: t('Teachers', 'शिक्षक', '教員'),
  non_teaching_staff: t('Non-teaching staff', 'गैर-शिक्षण कर्मचारी', '職員'),
  parents: t('Parents', 'अभिभावक', '保護者'),
  committee: t('Committee', 'समिति', '委員会'),
  task_force: t('Task force', 'कार्य बल', '班'),
};

import type { Duties, PlanContent, SchoolDisasterManagementPlan } from '@safeschools/domain';

/**
 * What a school types into its plan, in the language it works in: a school in Dehradun writes Hindi, a school in
 * Sendai writes Japanese, and both mix in English names of hospitals and bus numbers as schools really do.
 */
const typed = {
  hi: {
    school: 'राजकीय इंटर कॉलेज, रायपुर (देहरादून)',
    address: 'रायपुर रोड, देहरादून, उत्तराखंड 248008',
    people: ['सुनीता रावत', 'प्रदीप नेगी', 'मोहम्मद आरिफ़', 'कमला बिष्ट', 'Dr. R. K. Thapliyal'],
    designation: 'प्रधानाचार्य',
    duties: {
      before: ['हर कक्षा में निकासी मानचित्र लगाना', 'सीढ़ियों और गलियारों को बाधा-मुक्त रखना'],
      during: ['घंटी बजते ही बच्चों को मार्ग R1 से मैदान तक ले जाना', 'दिव्यांग बच्चों की सहायता करना'],
      after: ['सभा स्थल पर उपस्थिति गिनना', 'लापता बच्चों की सूचना प्रधानाचार्य को देना'],
    },
    finding: 'पुस्तकालय की अलमारियाँ दीवार से नहीं बँधीं — भूकंप में गिर सकती हैं',
    outside: 'विद्यालय के पीछे सौंग नदी — मानसून में बाढ़ का ख़तरा',
    spot: 'छत पर पानी की टंकी (सुरक्षा प्रबंधन हेतु जाँच आवश्यक)',
    steps: ['झुको: घुटनों के बल बैठ जाओ', 'ढको: मेज़ के नीचे सिर और गर्दन ढको', 'पकड़ो: झटके रुकने तक मेज़ पकड़े रहो'],
    routes: ['मुख्य भवन की सीढ़ियाँ से खेल मैदान', 'प्रयोगशाला भवन से पूर्वी द्वार'],
    points: ['खेल मैदान', 'पूर्वी द्वार के पास खुला स्थान'],
    resources: [
      ['प्राथमिक चिकित्सा किट', 'कार्यालय'],
      ['अग्निशामक यंत्र (ABC)', 'हर मंज़िल का गलियारा'],
    ],
    custom: 'मध्याह्न भोजन रसोई सुरक्षा दल',
    hospital: 'Doon Hospital (आपातकालीन विभाग)',
    centre: [78.0322, 30.3165] as const,
  },
  ja: {
    school: '仙台市立若林小学校',
    address: '宮城県仙台市若林区 1-2-3',
    people: ['佐藤 花子', '鈴木 一郎', '高橋 健太', '田中 美咲', '伊藤 誠 (一級建築士)'],
    designation: '校長',
    duties: {
      before: ['各教室に避難経路図を掲示する', '階段と廊下に物を置かない'],
      during: ['放送の合図で児童を経路 R1 から校庭へ誘導する', '支援が必要な児童に付き添う'],
      after: ['集合場所で人数を確認する', '所在不明の児童を校長に報告する'],
    },
    finding: '図書室の本棚が壁に固定されていない',
    outside: '学区内の七郷堀 — 大雨時に氾濫のおそれ',
    spot: '体育館の天井照明（落下防止の点検が必要）',
    steps: ['姿勢を低くする', '机の下で頭と首を守る', '揺れが収まるまで机の脚をしっかり持つ'],
    routes: ['本校舎の中央階段から校庭へ', '特別教室棟から東門へ'],
    points: ['校庭（第一避難場所）', '東門前の広場'],
    resources: [
      ['救急箱', '職員室'],
      ['消火器', '各階の廊下'],
    ],
    custom: '給食室安全班',
    hospital: '仙台市立病院',
    centre: [140.882, 38.26] as const,
  },
} as const;

export type TypedLanguage = keyof typeof typed;

/** A complete plan as a school would fill it in, for rendering tests. */
export function buildTestingPlan(language: TypedLanguage = 'hi'): { plan: SchoolDisasterManagementPlan; schoolName: string } {
  const s = typed[language];
  const [lon, lat] = s.centre;
  // Roughly metres east and north of the main gate.
  const at = (east: number, north: number) => [lon + east * 0.00001, lat + north * 0.00001] as const;
  const duties: Duties = { before: [...s.duties.before], during: [...s.duties.during], after: [...s.duties.after] };
  const [head, teacher, teacher2, parent, engineer] = s.people;

  const content: PlanContent = {
    profile: {
      schoolId: 'school-typed',
      name: s.school,
      udiseCode: '05050100101',
      address: s.address,
      students: { girls: 312, boys: 298, other: 1 },
      childrenWithSpecialNeeds: 9,
      teachers: 24,
      nonTeachingStaff: 6,
      buildings: 3,
      buses: [{ id: 'bus-1', registration: 'UK-07-PA-4521' }],
    },
    people: [
      { id: 'p1', name: head, role: 'teacher', designation: s.designation, phone: '+91 94120 00001' },
      { id: 'p2', name: teacher, role: 'teacher', phone: '+91 94120 00002' },
      { id: 'p3', name: teacher2, role: 'non_teaching_staff' },
      { id: 'p4', name: parent, role: 'parent' },
      { id: 'p5', name: engineer, role: 'external' },
    ],
    hazardAssessment: {
      nonStructural: [{ id: 'n1', description: s.finding, assessedBy: 'teachers' }],
      structural: [{ id: 's1', description: s.finding, engineer }],
      outsideCampus: [{ id: 'o1', description: s.outside, hazard: 'flood' }],
      pastIncidents: [{ on: '2023-08-14', hazard: 'flood', description: s.outside }],
      vulnerableSpots: [{ id: 'v1', description: s.spot, location: at(40, 30) }],
    },
    committee: [
      { member: { kind: 'adult', personId: 'p1', isLeader: false }, position: 'chairperson', inCoreTeam: true },
      { member: { kind: 'adult', personId: 'p2', isLeader: false }, position: 'convenor', inCoreTeam: true },
      { member: { kind: 'adult', personId: 'p4', isLeader: false }, position: 'member', inCoreTeam: false },
      { member: { kind: 'students', count: 2, grade: '11' }, position: 'member', inCoreTeam: false },
    ],
    taskForces: [
      {
        id: 'tf-evac',
        type: 'evacuation',
        members: [
          { kind: 'adult', personId: 'p2', isLeader: true },
          { kind: 'adult', personId: 'p3', isLeader: false },
          { kind: 'students', count: 12, grade: '9' },
        ],
        duties,
      },
      { id: 'tf-sr', type: 'search_rescue', members: [{ kind: 'adult', personId: 'p1', isLeader: true }], duties },
      { id: 'tf-bus', type: 'bus_safety', busId: 'bus-1', members: [{ kind: 'adult', personId: 'p3', isLeader: true }], duties },
      {
        id: 'tf-kitchen',
        type: 'custom',
        customName: s.custom,
        members: [{ kind: 'adult', personId: 'p4', isLeader: true }],
        duties: { before: [s.spot], during: [], after: [] },
      },
    ],
    sops: [
      { hazard: 'earthquake', kind: 'drop_cover_hold', steps: [...s.steps] },
      { hazard: 'flood', kind: 'evacuation', steps: [...s.duties.during] },
    ],
    emergencyContacts: [
      { service: 'fire', name: 'Fire station', phone: '101' },
      { service: 'hospital', name: s.hospital, phone: '0135-2659355' },
      { service: 'disaster_management', name: 'DEOC', phone: '1077' },
    ],
    evacuationRoutes: [
      { id: 'r1', name: s.routes[0], coordinates: [at(0, 0), at(35, 0), at(35, 55), at(70, 65)] },
      { id: 'r2', name: s.routes[1], coordinates: [at(10, -60), at(90, -60), at(110, -20)] },
    ],
    assemblyPoints: [
      { id: 'a1', name: s.points[0], point: at(70, 65), capacity: 700 },
      { id: 'a2', name: s.points[1], point: at(110, -20) },
    ],
    resources: s.resources.map(([item, location]) => ({ item, quantity: 4, location })),
    trainingPlan: [
      { moduleId: 'tf-first-aid', audience: 'teachers', plannedOn: '2026-12-05' },
      { moduleId: 'students-safe-behaviour', audience: 'students', plannedOn: '2027-01-10' },
    ],
    drillSchedule: [
      { hazard: 'fire', plannedOn: '2027-06-15' },
      { hazard: 'earthquake', plannedOn: '2026-12-15' },
    ],
  };

  const plan: SchoolDisasterManagementPlan = {
    id: 'plan-typed',
    schoolId: 'school-typed',
    version: 3,
    status: 'approved',
    content,
    submittedBy: 'p2',
    lastApprovedOn: '2026-04-20',
    reviewDueOn: '2027-04-20',
    sectionsNeedingUpdate: ['evacuationRoutes'],
    history: [],
  };
  return { plan, schoolName: s.school };
}

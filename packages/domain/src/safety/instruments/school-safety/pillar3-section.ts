import type { InstrumentSection } from '../instrument-types.js';
import { scaleScoring, t, yesSafe } from './builders.js';

/** CSSF Pillar 3, Risk Reduction and Resilience Education. */
export const pillar3Section: InstrumentSection = {
  id: 'pillar3',
  title: t(
    'Pillar 3: Risk reduction and resilience education',
    'स्तंभ 3: जोखिम न्यूनीकरण और सुदृढ़ता की शिक्षा',
    '柱3：リスク削減とレジリエンスの教育',
  ),
  questions: [
    {
      id: 'p3_teachers_trained',
      type: 'scale',
      required: true,
      label: t(
        'How many teachers were trained in disaster preparedness or first aid in the last two years?',
        'पिछले दो वर्षों में कितने शिक्षकों को आपदा तैयारी या प्राथमिक चिकित्सा का प्रशिक्षण मिला?',
        '過去2年間に、防災または応急手当の研修を受けた教員はどのくらいいますか。',
      ),
      scoring: scaleScoring('pillar3', 2),
    },
    {
      id: 'p3_students_know',
      type: 'scale',
      required: true,
      label: t(
        'How many students can show what to do in an earthquake or a fire (drop, cover, hold; leaving the room in order)?',
        'कितने विद्यार्थी दिखा सकते हैं कि भूकंप या आग में क्या करना है (झुको, ढको, पकड़ो; क्रम से कमरे से निकलना)?',
        '地震や火災のときの行動（姿勢を低く・頭を守り・じっとする、順序よく教室を出る）をやって見せられる児童生徒はどのくらいいますか。',
      ),
      scoring: scaleScoring('pillar3', 2),
    },
    {
      id: 'p3_taught_in_class',
      type: 'yes_no',
      required: true,
      label: t(
        'Are local hazards and how to stay safe taught in lessons or activities?',
        'क्या स्थानीय ख़तरों और सुरक्षित रहने के तरीक़ों को पाठों या गतिविधियों में पढ़ाया जाता है?',
        '地域のハザードと身の守り方を、授業や活動で教えていますか。',
      ),
      scoring: yesSafe('pillar3'),
    },
    {
      id: 'p3_awareness_event',
      type: 'yes_no',
      required: true,
      label: t(
        'Did the school hold a safety awareness event (safety day, rally, competition) in the last year?',
        'क्या पिछले वर्ष विद्यालय ने कोई सुरक्षा जागरूकता कार्यक्रम (सुरक्षा दिवस, रैली, प्रतियोगिता) किया?',
        '過去1年間に、防災啓発行事（安全の日、パレード、コンクールなど）を行いましたか。',
      ),
      scoring: yesSafe('pillar3'),
    },
    {
      id: 'p3_community_outreach',
      type: 'yes_no',
      required: true,
      label: t(
        'Have students or teachers shared safety messages with families and the community?',
        'क्या विद्यार्थियों या शिक्षकों ने परिवारों और समुदाय तक सुरक्षा संदेश पहुँचाए हैं?',
        '児童生徒や教員が、家庭や地域に防災のメッセージを伝えていますか。',
      ),
      scoring: yesSafe('pillar3'),
    },
  ],
};

import type { RedFlagRule } from '../instrument-types.js';
import { t } from './builders.js';

/**
 * Above this many storeys a building that no engineer has checked is a red flag. Programme default: NDMA 2016
 * asks for structural safety audits of school buildings but names no storey count, so a country team sets it.
 */
export const uncheckedStoreysLimit = 2;

/** Warning signs a teacher can see that call for an engineer (NDMA 2016, structural safety audit). */
export const schoolSafetyRedFlags: readonly RedFlagRule[] = [
  {
    code: 'RF_LOAD_BEARING_CRACKS',
    when: { question: 'p1_cracks', equals: 'yes' },
    label: t(
      'Visible cracks in load-bearing walls, columns or beams',
      'भार वहन करने वाली दीवारों, खंभों या बीम में दिखाई देने वाली दरारें',
      '耐力壁・柱・梁の目に見えるひび割れ',
    ),
  },
  {
    code: 'RF_VULNERABLE_BUILDING_TYPE',
    when: { question: 'p1_building_type', in: ['kutcha', 'unreinforced_masonry'] },
    label: t(
      'Kutcha or unreinforced masonry building',
      'कच्चा या बिना सुदृढ़ीकरण की चिनाई वाला भवन',
      '簡易な建物または無補強の組積造',
    ),
  },
  {
    code: 'RF_BUILT_BEFORE_SEISMIC_CODE',
    when: { question: 'p1_year_built', equals: 'before_1993' },
    label: t(
      'Built before the 1993 seismic detailing code',
      '1993 के भूकंपीय डिटेलिंग कोड से पहले बना',
      '1993年の耐震設計規準より前に建設',
    ),
  },
  {
    code: 'RF_TALL_UNCHECKED',
    when: {
      all: [
        { question: 'p1_storeys', gt: uncheckedStoreysLimit },
        { question: 'p1_engineer_checked', equals: 'no' },
      ],
    },
    label: t(
      `More than ${uncheckedStoreysLimit} storeys and no engineer's check`,
      `${uncheckedStoreysLimit} से अधिक मंज़िलें और किसी अभियंता की जाँच नहीं`,
      `${uncheckedStoreysLimit}階を超え、技術者の点検を受けていない`,
    ),
  },
  {
    code: 'RF_DAMAGED_UNCHECKED',
    when: {
      all: [
        { question: 'haz_past_damage', equals: 'yes' },
        { question: 'p1_engineer_checked', equals: 'no' },
      ],
    },
    label: t(
      'Damaged by a past disaster and not checked by an engineer',
      'पिछली आपदा में क्षतिग्रस्त और किसी अभियंता द्वारा जाँचा नहीं गया',
      '過去の災害で被害を受け、技術者の点検を受けていない',
    ),
  },
];

import type { FragilitySet, LognormalFragility } from './fragility-types.js';

// FEMA, Hazus-MH 2.1 Earthquake Model Technical Manual (2012), §5.4.4 "Structural fragility curves –
// equivalent peak ground acceleration", Tables 5.16a-d: median PGA (g) for slight, moderate, extensive and
// complete structural damage, β = 0.64 for every building type and state. Hazus has no adobe or rubble-stone
// type: URML pre-code is the weakest masonry it offers, so earthen (kutcha) schools mapped to it are, if
// anything, treated as stronger than they are.
const B = 0.64;
const hazus = (id: string, medians: [number, number, number, number]): LognormalFragility => ({ id, imt: 'PGA', kind: 'lognormal', theta: medians, beta: [B, B, B, B] });

export const DEFAULT_FRAGILITY: FragilitySet = {
  id: 'hazus-mh-2.1-equivalent-pga',
  limitStates: ['slight', 'moderate', 'extensive', 'complete'],
  source: 'Hazus-MH 2.1 Technical Manual, Tables 5.16a-d (equivalent-PGA structural fragility)',
  functions: [
    hazus('URML-pre', [0.13, 0.17, 0.26, 0.37]), // Table 5.16d, unreinforced masonry low-rise, pre-code
    hazus('URML-low', [0.14, 0.2, 0.32, 0.46]), // Table 5.16c, low code
    hazus('C3L-pre', [0.1, 0.14, 0.21, 0.35]), // Table 5.16d, concrete frame with URM infill, low-rise, pre-code
    hazus('C3L-low', [0.12, 0.17, 0.26, 0.44]), // Table 5.16c
    hazus('C1L-pre', [0.1, 0.12, 0.21, 0.36]), // Table 5.16d, concrete moment frame low-rise, pre-code
    hazus('C1L-moderate', [0.16, 0.23, 0.41, 0.77]), // Table 5.16b, moderate code
    hazus('RM1L-low', [0.16, 0.2, 0.29, 0.54]), // Table 5.16c, reinforced masonry low-rise
    hazus('W1-pre', [0.18, 0.29, 0.51, 0.77]), // Table 5.16d, light wood frame
    hazus('S3-pre', [0.08, 0.1, 0.16, 0.3]), // Table 5.16d, steel light frame (sheds)
  ],
};

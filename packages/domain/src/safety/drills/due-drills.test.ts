import { describe, expect, it } from 'vitest';
import { drillSchedule, dueDrills } from './due-drills.js';

describe('dueDrills', () => {
  const schedule = drillSchedule(['earthquake', 'fire', 'flood'], { flood: 12 });

  it('puts the next drill six months after the last, or the hazard’s own interval', () => {
    const due = dueDrills(
      schedule,
      [
        { hazard: 'earthquake', on: '2024-08-31' },
        { hazard: 'earthquake', on: '2025-01-10' },
        { hazard: 'flood', on: '2024-06-01' },
      ],
      '2025-06-01',
    );
    expect(due).toEqual([
      { hazard: 'earthquake', lastDrillOn: '2025-01-10', dueOn: '2025-07-10', overdue: false },
      { hazard: 'fire', lastDrillOn: null, dueOn: '2025-06-01', overdue: true },
      { hazard: 'flood', lastDrillOn: '2024-06-01', dueOn: '2025-06-01', overdue: false },
    ]);
  });

  it('is overdue the day after the due date', () => {
    const [quake] = dueDrills(schedule, [{ hazard: 'earthquake', on: '2025-01-10' }], '2025-07-11');
    expect(quake?.overdue).toBe(true);
  });
});

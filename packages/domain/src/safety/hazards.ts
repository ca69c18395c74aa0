/** Hazards a plan, a drill or a training module can be about. */
export const safetyHazards = [
  'earthquake',
  'flood',
  'cyclone',
  'fire',
  'landslide',
  'tsunami',
  'heatwave',
  'lightning',
  'chemical',
  'stampede',
  'intruder',
] as const;
export type SafetyHazard = (typeof safetyHazards)[number];

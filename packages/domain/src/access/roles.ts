/**
 * Roles of the Safe Schools programme. What each may do is in `permissions.ts`; where they may do it is
 * their geographic scope.
 */
export const roles = [
  'administrator',
  'programme_manager',
  'district_officer',
  'school_focal_point',
  'viewer',
] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

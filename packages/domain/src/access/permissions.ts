import type { Role } from './roles.js';

export const permissions = [
  'users.manage',
  'audit.read',
  'registry.read',
  'registry.write',
  'safety.read',
  'safety.write',
  'safety.approve',
  'events.read',
  'events.write',
  'jobs.read',
  'files.write',
  // Alert rules (which events tell whom automatically) and the feeds events come from.
  'alerts.manage',
  // Telling the people of an event's schools by hand, and reading who was told and who answered.
  'alerts.send',
  'feeds.manage',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  administrator: permissions,
  programme_manager: [
    'users.manage',
    'audit.read',
    'registry.read',
    'registry.write',
    'safety.read',
    'safety.approve',
    'events.read',
    'events.write',
    'jobs.read',
    'files.write',
    'alerts.manage',
    'alerts.send',
  ],
  district_officer: [
    'registry.read',
    'registry.write',
    'safety.read',
    'safety.approve',
    'events.read',
    'events.write',
    'jobs.read',
    'files.write',
    'alerts.send',
  ],
  school_focal_point: ['registry.read', 'safety.read', 'safety.write', 'events.read', 'jobs.read', 'files.write'],
  viewer: ['registry.read', 'safety.read', 'events.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/**
 * Who may hand out which role. Nobody may create a role above their own: a programme manager cannot make an
 * administrator, so a compromised manager account cannot escalate.
 */
const assignable: Record<Role, readonly Role[]> = {
  administrator: ['administrator', 'programme_manager', 'district_officer', 'school_focal_point', 'viewer'],
  programme_manager: ['programme_manager', 'district_officer', 'school_focal_point', 'viewer'],
  district_officer: [],
  school_focal_point: [],
  viewer: [],
};

export function canAssignRole(actor: Role, target: Role): boolean {
  return assignable[actor].includes(target);
}

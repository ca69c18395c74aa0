import { describe, expect, it } from 'vitest';
import { scopeCoversArea, scopeCoversSchool, scopeFor, scopeWithin } from './scope.js';
import { can, canAssignRole } from './permissions.js';

const india = 'in';
const sikkim = 'sk';
const gangtok = 'gt';
const kerala = 'kl';

describe('scope', () => {
  const officer = scopeFor('district_officer', [gangtok], []);

  it('gives administrators everything and others only what they hold', () => {
    expect(scopeFor('administrator', [], [])).toEqual({ kind: 'all' });
    expect(scopeCoversArea(officer, [india, sikkim, gangtok])).toBe(true);
    expect(scopeCoversArea(officer, [india, sikkim])).toBe(false);
    expect(scopeCoversArea(officer, [india, kerala])).toBe(false);
  });

  it('sees nothing with an empty scope', () => {
    const none = scopeFor('viewer', [], []);
    expect(scopeCoversArea(none, [india])).toBe(false);
    expect(scopeCoversSchool(none, 's1', [india, sikkim])).toBe(false);
  });

  it('covers a named school outside its areas', () => {
    const focal = scopeFor('school_focal_point', [], ['s1']);
    expect(scopeCoversSchool(focal, 's1', [india, kerala])).toBe(true);
    expect(scopeCoversSchool(focal, 's2', [india, kerala])).toBe(false);
  });

  it('refuses to grant a scope wider than the giver holds', () => {
    const manager = scopeFor('programme_manager', [sikkim], []);
    expect(scopeWithin({ areas: [{ path: [india, sikkim, gangtok] }], schools: [] }, manager)).toBe(true);
    expect(scopeWithin({ areas: [{ path: [india] }], schools: [] }, manager)).toBe(false);
    expect(scopeWithin({ areas: [], schools: [{ id: 'x', path: [india, kerala] }] }, manager)).toBe(false);
  });
});

describe('permissions', () => {
  it('keeps user management away from field roles', () => {
    expect(can('administrator', 'users.manage')).toBe(true);
    expect(can('district_officer', 'users.manage')).toBe(false);
    expect(can('viewer', 'registry.write')).toBe(false);
  });

  it('does not let a manager create an administrator', () => {
    expect(canAssignRole('programme_manager', 'administrator')).toBe(false);
    expect(canAssignRole('administrator', 'administrator')).toBe(true);
    expect(canAssignRole('district_officer', 'viewer')).toBe(false);
  });
});

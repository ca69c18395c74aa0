import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import type { PlanContent, PlanMember, TaskForce } from './plan-types.js';
import { buildPlanContent } from './testing-plan.js';

const codes = (content: PlanContent) => checkPlan(content).map((p) => `${p.code}@${p.path}`);

function withTaskForce(content: PlanContent, id: string, change: Partial<TaskForce>): PlanContent {
  return { ...content, taskForces: content.taskForces.map((f) => (f.id === id ? { ...f, ...change } : f)) };
}

describe('checkPlan', () => {
  const base = buildPlanContent();

  it('accepts a complete plan', () => {
    expect(codes(base)).toEqual([]);
  });

  it('keeps search and rescue to teachers', () => {
    const staff: PlanMember = { kind: 'adult', personId: 'p-clerk', isLeader: false };
    const students: PlanMember = { kind: 'students', count: 3 };
    const sar = base.taskForces.find((f) => f.type === 'search_rescue') as TaskForce;
    expect(codes(withTaskForce(base, sar.id, { members: [...sar.members, staff, students] }))).toEqual([
      'PLAN_SAR_MEMBER_NOT_TEACHER@taskForces.tf-search_rescue',
      'PLAN_SAR_MEMBER_NOT_TEACHER@taskForces.tf-search_rescue',
    ]);
  });

  it('wants exactly one leader per task force', () => {
    const noLeader = withTaskForce(base, 'tf-evacuation', { members: [{ kind: 'adult', personId: 'p-parent', isLeader: false }] });
    expect(codes(noLeader)).toEqual(['PLAN_TASK_FORCE_NO_LEADER@taskForces.tf-evacuation']);
    const twoLeaders = withTaskForce(base, 'tf-evacuation', {
      members: [
        { kind: 'adult', personId: 'p-parent', isLeader: true },
        { kind: 'adult', personId: 'p-teacher-1', isLeader: true },
      ],
    });
    expect(codes(twoLeaders)).toEqual(['PLAN_TASK_FORCE_MANY_LEADERS@taskForces.tf-evacuation']);
  });

  it('wants one bus safety team per bus', () => {
    const twoBuses = { ...base, profile: { ...base.profile, buses: [...base.profile.buses, { id: 'bus-2', registration: 'SK-01-9999' }] } };
    expect(codes(twoBuses)).toEqual(['PLAN_BUS_TEAM_MISSING@profile.buses.bus-2']);
    const bus = base.taskForces.find((f) => f.type === 'bus_safety') as TaskForce;
    const doubled = { ...base, taskForces: [...base.taskForces, { ...bus, id: 'tf-bus-again' }] };
    expect(codes(doubled)).toEqual(['PLAN_BUS_TEAM_DUPLICATE@profile.buses.bus-1']);
    const noBuses = { ...base, profile: { ...base.profile, buses: [] }, taskForces: base.taskForces.filter((f) => f.type !== 'bus_safety') };
    expect(codes(noBuses)).toEqual([]);
  });

  it('refuses empty mandatory sections and missing standard task forces', () => {
    const empty = { ...base, sops: [], evacuationRoutes: [], taskForces: base.taskForces.filter((f) => f.type !== 'first_aid') };
    expect(codes(empty)).toEqual([
      'PLAN_SECTION_EMPTY@sops',
      'PLAN_SECTION_EMPTY@evacuationRoutes',
      'PLAN_STANDARD_TASK_FORCE_MISSING@taskForces.first_aid',
    ]);
  });

  it('wants one adult chairperson, a core team and the hand-over and special needs procedures', () => {
    const noChair = { ...base, committee: base.committee.filter((c) => c.position !== 'chairperson').map((c) => ({ ...c, inCoreTeam: false })) };
    expect(codes(noChair)).toEqual(['PLAN_COMMITTEE_CHAIR@committee', 'PLAN_CORE_TEAM_EMPTY@committee']);
    const onlyDrill = { ...base, sops: base.sops.filter((s) => s.kind === 'drop_cover_hold') };
    expect(codes(onlyDrill)).toEqual(['PLAN_SOP_MISSING@sops.reunification', 'PLAN_SOP_MISSING@sops.special_needs_support']);
    const noSpecialNeeds = { ...onlyDrill, profile: { ...base.profile, childrenWithSpecialNeeds: 0 } };
    expect(codes(noSpecialNeeds)).toEqual(['PLAN_SOP_MISSING@sops.reunification']);
  });

  it('refuses a student named in a plan loaded from JSON', () => {
    const json = JSON.parse(JSON.stringify(base)) as PlanContent;
    const named = JSON.parse('{"kind":"students","count":1,"name":"Asha"}') as PlanMember;
    const content = { ...json, committee: [...json.committee, { member: named, position: 'member' as const, inCoreTeam: false }] };
    expect(codes(content)).toEqual(['PLAN_STUDENT_IDENTIFIED@members']);
  });

  it('checks route geometry and member references', () => {
    const bad = {
      ...withTaskForce(base, 'tf-fire_safety', { members: [{ kind: 'adult', personId: 'ghost', isLeader: true }] }),
      evacuationRoutes: [{ id: 'r1', name: 'x', coordinates: [[200, 10] as const, [0, 0] as const] }],
    };
    expect(codes(bad)).toEqual(['PLAN_ROUTE_INVALID@evacuationRoutes.r1', 'PLAN_MEMBER_UNKNOWN_PERSON@taskForces.tf-fire_safety']);
  });
});

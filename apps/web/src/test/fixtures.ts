import type { CurrentUser } from '../auth/types';
import type { FigureTotal } from '../hooks/use-enrolment-text';
import type { AffectedSchool, AreaImpact, EventWithDisplay } from '../pages/events/types';
import type { ImportRun } from '../pages/imports/types';
import type { School } from '../pages/schools/types';
import type { Area, User } from '../pages/users/types';

let counter = 0;
/** A valid, distinct UUID for fixtures. */
export function fixtureId(): string {
  counter += 1;
  return `00000000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

const now = '2025-01-15T10:00:00.000Z';

export function buildMe(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: fixtureId(),
    email: 'admin@example.org',
    name: 'Asha Admin',
    role: 'administrator',
    language: 'en',
    phone: null,
    channels: ['email'],
    scope: { all: true, areas: [], schools: [] },
    permissions: ['users.manage', 'registry.read', 'safety.read'],
    csrfToken: 'csrf-test-token',
    ...overrides,
  };
}

export function buildUser(overrides: Partial<User> = {}): User {
  return {
    id: fixtureId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    email: 'teacher@example.org',
    name: 'Ravi Teacher',
    role: 'school_focal_point',
    language: 'hi',
    phone: null,
    channels: ['email'],
    status: 'active',
    scope: { all: false, areas: [], schools: [] },
    lastLoginAt: null,
    ...overrides,
  };
}

export function buildArea(overrides: Partial<Area> = {}): Area {
  return {
    id: fixtureId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    parentId: null,
    level: 'country',
    name: 'India',
    names: {},
    codes: {},
    validFrom: null,
    validTo: null,
    ...overrides,
  };
}

export function page<T>(items: T[]) {
  return { status: 200, body: { items, nextCursor: null, syncCursor: 'sync-1' } };
}

export function buildImport(overrides: Partial<ImportRun> = {}): ImportRun {
  return {
    id: fixtureId(),
    kind: 'schools',
    status: 'validated',
    dryRun: true,
    validRowsOnly: false,
    fileName: 'schools.csv',
    mapping: {},
    columns: [],
    options: {},
    counts: { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 },
    lastCommittedRow: null,
    progress: null,
    message: null,
    error: null,
    errors: [],
    errorsTotal: 0,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    ...overrides,
  };
}

export function buildSchool(overrides: Partial<School> = {}): School {
  return {
    id: fixtureId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    code: '27100100101',
    codeSystem: 'udise',
    name: 'ZP Primary School Wardha',
    names: {},
    lon: 78.6,
    lat: 20.74,
    areaId: null,
    educationLevel: 'Primary',
    management: 'Local body',
    enrolmentGirls: 60,
    enrolmentBoys: 58,
    enrolmentTotal: 118,
    countryCode: 'IN',
    ruralUrban: 'rural',
    village: null,
    teachersFemale: null,
    teachersMale: null,
    classrooms: null,
    typology: null,
    placement: 'matched',
    ...overrides,
  };
}

/** An enrolment total: the sum over `withFigure` schools, and `without` schools lacking one (null total when none has). */
export function figure(total: number | null, withFigure: number, without = 0): FigureTotal {
  return { total, schoolsWithFigure: withFigure, schoolsWithoutFigure: without };
}

export function buildEvent(overrides: Partial<EventWithDisplay> = {}): EventWithDisplay {
  return {
    id: fixtureId(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    kind: 'shakemap',
    estimated: false,
    title: 'M 5.8 Scenario near Gangtok',
    status: 'scenario',
    hazardType: 'earthquake',
    severity: null,
    urgency: null,
    certainty: null,
    onset: '2025-01-15T09:30:00.000Z',
    expires: null,
    imt: 'MMI',
    bands: [5, 6, 7, 8],
    limitStates: ['slight', 'moderate', 'extensive', 'complete'],
    details: {},
    totals: { schools: 0, children: figure(0, 0), girls: figure(0, 0), boys: figure(0, 0), expectedByDamageState: [] },
    warnings: [],
    fileId: null,
    computedAt: now,
    display: { type: 'FeatureCollection', features: [] },
    ...overrides,
  };
}

export function buildAffectedSchool(overrides: Partial<AffectedSchool> = {}): AffectedSchool {
  return {
    schoolId: fixtureId(),
    code: '11010102502',
    name: 'Mangshilla SSS',
    lon: 88.5,
    lat: 27.4,
    districtId: null,
    intensity: 6.4,
    band: 2,
    girls: 120,
    boys: 110,
    children: 230,
    damage: {},
    ...overrides,
  };
}

export function buildAreaImpact(overrides: Partial<AreaImpact> = {}): AreaImpact {
  return {
    areaId: fixtureId(),
    name: 'North Sikkim',
    code: '224',
    schools: 0,
    children: figure(0, 0),
    girls: figure(0, 0),
    boys: figure(0, 0),
    maxIntensity: 0,
    expectedByDamageState: [],
    ...overrides,
  };
}

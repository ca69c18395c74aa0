import { getSchool as getEndpoint, listSchools as listEndpoint, type School } from '@safeschools/contract';
import type { z } from 'zod';
import { getSchool, listSchools } from '../../domain/schools/list-schools.js';
import type { SchoolRow } from '../../db/schools/schools.repository.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { route } from '../route.js';
import { presentSync } from '../present-sync.js';

function present(row: SchoolRow): z.output<typeof School> {
  return {
    ...presentSync(row),
    code: row.code,
    codeSystem: row.codeSystem,
    name: row.name,
    names: row.names,
    lon: row.location?.x ?? null,
    lat: row.location?.y ?? null,
    areaId: row.areaId,
    educationLevel: row.educationLevel,
    management: row.management,
    enrolmentGirls: row.enrolmentGirls,
    enrolmentBoys: row.enrolmentBoys,
    enrolmentTotal: row.enrolmentTotal,
    countryCode: row.countryCode,
    ruralUrban: row.ruralUrban === 'rural' || row.ruralUrban === 'urban' ? row.ruralUrban : null,
    village: row.village,
    teachersFemale: row.teachersFemale,
    teachersMale: row.teachersMale,
    classrooms: row.classrooms,
    typology: row.typology,
    placement: row.placement as z.output<typeof School>['placement'],
  };
}

export function registerSchoolRoutes(app: App, services: Services): void {
  route(app, services.database, listEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, query }) => {
      const page = await listSchools(ctx, query);
      return { ...page, items: page.items.map(present) };
    },
  });
  route(app, services.database, getEndpoint, {
    scope: 'filtered',
    permission: 'registry.read',
    handler: async ({ ctx, params }) => present(await getSchool(ctx, params.id)),
  });
}

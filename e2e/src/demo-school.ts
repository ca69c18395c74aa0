import type { Page } from 'playwright-core';

export interface DemoSchool {
  districtId: string;
  id: string;
  name: string;
}

/** The first school of the first demo district that has schools, read through the API in a signed-in page. */
export async function firstDemoSchool(page: Page): Promise<DemoSchool> {
  return page.evaluate(async () => {
    const districts = (await (await fetch('/api/v1/areas/rollup?level=district')).json()) as {
      items: { areaId: string; schools: number }[];
    };
    const district = districts.items.find((a) => a.schools > 0);
    if (!district) throw new Error('the demo registry has no district with schools');
    const schools = (await (await fetch(`/api/v1/schools?area=${district.areaId}`)).json()) as {
      items: { id: string; name: string }[];
    };
    const school = schools.items[0];
    if (!school) throw new Error('the district lists no school');
    return { districtId: district.areaId, id: school.id, name: school.name };
  });
}

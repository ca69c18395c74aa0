/**
 * Reads back a mapping in the flat form an import reports (`districts.code` → `dt_code`), so the mapping a dry run
 * suggested can be edited and sent with the real import. Options given explicitly win over it.
 */
export function optionsFromMapping(mapping: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const levels = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(mapping)) {
    if (key === 'codeSystem' || key === 'countryCode') out[key] = value;
    const dot = key.lastIndexOf('.');
    if (dot <= 0) continue;
    const object = key.slice(0, dot);
    const field = key.slice(dot + 1);
    if (!['level', 'code', 'name', 'parentCode'].includes(field)) continue;
    levels.set(object, { ...levels.get(object), object, [field]: value });
  }
  if (levels.size) out.levels = [...levels.values()];
  return out;
}

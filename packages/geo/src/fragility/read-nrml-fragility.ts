import { GeoInputError, type GeoWarning } from '../errors.js';
import { parseXmlBytes } from '../xml/parse-xml.js';
import { childrenNamed, firstChild, type XmlElement } from '../xml/xml-node.js';
import type { FragilityFunction, FragilitySet } from './fragility-types.js';
import { lognormalFromMoments } from './lognormal.js';

const fail = (m: string): GeoInputError => new GeoInputError('FRAGILITY_INVALID', m);

function numbers(text: string, where: string): number[] {
  const values = text.trim().split(/\s+/).filter((t) => t !== '').map(Number);
  if (values.some((v) => !Number.isFinite(v))) throw fail(`${where} holds a value that is not a number.`);
  return values;
}

function optionalNumber(v: string | undefined): number | undefined {
  const n = v === undefined ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function readFunction(el: XmlElement, limitStates: string[], warnings: GeoWarning[]): FragilityFunction {
  const id = el.attrs['id'] ?? '';
  const where = `fragilityFunction "${id}"`;
  const imls = firstChild(el, 'imls');
  if (!id || !imls) throw fail(`${where} lacks an id or an imls element.`);
  const imt = imls.attrs['imt'] ?? '';
  const noDamageLimit = optionalNumber(imls.attrs['noDamageLimit']);
  const format = el.attrs['format'];
  const base = { id, imt, ...(noDamageLimit !== undefined ? { noDamageLimit } : {}) };
  if (format === 'continuous') {
    const byLs = new Map(childrenNamed(el, 'params').map((p) => [p.attrs['ls'] ?? '', p]));
    const theta: number[] = [];
    const beta: number[] = [];
    for (const ls of limitStates) {
      const p = byLs.get(ls);
      const mean = Number(p?.attrs['mean']);
      const sd = Number(p?.attrs['stddev']);
      if (!p || !(mean > 0) || !(sd >= 0)) throw fail(`${where} has no valid mean/stddev for limit state "${ls}".`);
      const ln = lognormalFromMoments(mean, sd);
      theta.push(ln.theta);
      beta.push(ln.beta);
    }
    if ((el.attrs['shape'] ?? 'logncdf') !== 'logncdf') warnings.push({ code: 'FRAGILITY_SHAPE_ASSUMED', message: `${where} has shape "${el.attrs['shape']}"; read as logncdf.` });
    return { ...base, kind: 'lognormal', theta, beta };
  }
  if (format === 'discrete') {
    const x = numbers(imls.text, `${where} imls`);
    if (x.length < 2 || x.some((v, i) => i > 0 && v <= (x[i - 1] as number))) throw fail(`${where} imls must be at least two increasing values.`);
    const byLs = new Map(childrenNamed(el, 'poes').map((p) => [p.attrs['ls'] ?? '', p]));
    const poes = limitStates.map((ls) => {
      const p = byLs.get(ls);
      if (!p) throw fail(`${where} has no poes for limit state "${ls}".`);
      const y = numbers(p.text, `${where} poes ${ls}`);
      if (y.length !== x.length) throw fail(`${where} poes "${ls}" has ${y.length} values for ${x.length} imls.`);
      if (y.some((v) => v < 0 || v > 1)) throw fail(`${where} poes "${ls}" has values outside [0, 1].`);
      return y;
    });
    return { ...base, kind: 'discrete', imls: x, poes };
  }
  throw fail(`${where} has format "${format}"; only "continuous" and "discrete" are supported.`);
}

/**
 * Reads an OpenQuake NRML 0.5 fragility model: discrete curves (interpolated) and continuous lognormal curves
 * (mean/stddev converted to median/β). A vulnerability model (loss ratios) is refused with a message saying so.
 */
export function readNrmlFragility(input: Uint8Array | string): { set: FragilitySet; warnings: GeoWarning[] } {
  const warnings: GeoWarning[] = [];
  const root = parseXmlBytes(input, 'FRAGILITY_INVALID', warnings);
  if (root.name !== 'nrml' || !root.ns.startsWith('http://openquake.org/xmlns/nrml/')) throw fail(`Expected an OpenQuake <nrml> document; found <${root.name}>.`);
  if (firstChild(root, 'vulnerabilityModel')) {
    throw fail('This NRML holds a vulnerabilityModel (mean loss ratios per intensity), not a fragilityModel (damage-state probabilities).');
  }
  const model = firstChild(root, 'fragilityModel');
  if (!model) throw fail('The NRML has no fragilityModel.');
  if (!root.ns.endsWith('0.5')) warnings.push({ code: 'FRAGILITY_NRML_VERSION', message: `NRML namespace ${root.ns} is read as NRML 0.5.` });
  const limitStates = (firstChild(model, 'limitStates')?.text ?? '').trim().split(/\s+/).filter((s) => s !== '');
  if (limitStates.length === 0) throw fail('The fragilityModel has no limitStates.');
  const functions = childrenNamed(model, 'fragilityFunction').map((f) => readFunction(f, limitStates, warnings));
  if (functions.length === 0) throw fail('The fragilityModel has no fragilityFunction.');
  return { set: { id: model.attrs['id'] ?? 'nrml', limitStates, functions, source: firstChild(model, 'description')?.text.trim() ?? '' }, warnings };
}

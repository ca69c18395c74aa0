import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planSectionLabels, planSections, type SafetyLanguage } from '@safeschools/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfLabels } from './pdf-labels.js';
import { renderPlanPdf } from './render-plan-pdf.js';
import { buildTestingPlan } from './testing-plan.js';

const folder = mkdtempSync(join(tmpdir(), 'plan-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the PDF and reads it back with poppler, the way a reader's viewer or a search index would. */
function inspect(pdf: Uint8Array, name: string): { text: string; layout: string; info: string } {
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  // poppler's stderr complains about Typst's tagged-PDF MarkInfo; the text and page boxes are what matter.
  const run = (tool: string, args: string[]) =>
    execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { text: run('pdftotext', [file, '-']), layout: run('pdftotext', ['-layout', file, '-']), info: run('pdfinfo', [file]) };
}

async function render(language: SafetyLanguage, typed: 'hi' | 'ja' = 'hi') {
  const { plan, schoolName } = buildTestingPlan(typed);
  const pdf = await renderPlanPdf({ plan, schoolName, language, generatedOn: '2026-11-24' });
  return { pdf, ...inspect(pdf, `${language}-${typed}`) };
}

const titles = (language: SafetyLanguage) => [
  pdfLabels.documentTitle[language],
  pdfLabels.routesAndPoints[language],
  ...planSections.filter((s) => s !== 'evacuationRoutes' && s !== 'assemblyPoints').map((s) => planSectionLabels[s][language]),
];

describe('renderPlanPdf', { timeout: 60_000 }, () => {
  it.each(['en', 'hi', 'ja'] as const)('prints an A4 plan with every Annexure 8 section in %s', async (language) => {
    const { pdf, text, info } = await render(language, language === 'ja' ? 'ja' : 'hi');
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const flat = text.replace(/\s+/g, ' ');
    for (const title of titles(language)) expect(flat).toContain(title);
    expect(flat).toContain(pdfLabels.reviewDue[language]);
  });

  it('shapes Devanagari conjuncts and keeps their text extractable', async () => {
    const { text } = await render('hi');
    expect(text).toContain('सुरक्षा');
    expect(text).toContain('प्रबंधन');
    expect(text).toContain('विद्यालय आपदा प्रबंधन समिति');
    expect(text).toContain('राजकीय इंटर कॉलेज, रायपुर (देहरादून)');
    expect(text).toContain('प्रधानाचार्य');
  });

  it('prints Japanese typed by the school intact', async () => {
    const { text } = await render('ja', 'ja');
    expect(text).toContain('仙台市立若林小学校');
    expect(text).toContain('各教室に避難経路図を掲示する');
    expect(text).toContain('校庭（第一避難場所）');
    expect(text).toContain('佐藤 花子');
  });

  it('shows a student group as a count with no name, and marks the leader', async () => {
    const { layout } = await render('en');
    const row = layout.split('\n').find((line) => line.includes('Student group (grade 9)'));
    expect(row?.trim()).toMatch(/^Student group \(grade 9\)\s+12 students$/);
    expect(layout).toMatch(/प्रदीप नेगी\s+Teacher\s+\+91 94120 00002\s+Leader\n/);
  });

  it.each(['en', 'hi', 'ja'] as const)('prints head counts no one recorded as not recorded, never 0, in %s', async (language) => {
    const { plan, schoolName } = buildTestingPlan(language === 'ja' ? 'ja' : 'hi');
    const profile = {
      ...plan.content.profile,
      students: { girls: null, boys: null, other: null },
      childrenWithSpecialNeeds: null,
      teachers: null,
    };
    const pdf = await renderPlanPdf({
      plan: { ...plan, content: { ...plan.content, profile } },
      schoolName,
      language,
      generatedOn: '2026-11-24',
    });
    const { layout } = inspect(pdf, `not-recorded-${language}`);
    const lines = layout.split('\n').map((line) => line.trim());
    const valueOf = (label: string) =>
      lines
        .find((line) => line.startsWith(label))
        ?.slice(label.length)
        .trim();
    for (const label of [pdfLabels.students, pdfLabels.specialNeeds, pdfLabels.teachers]) {
      expect(valueOf(label[language])).toBe(pdfLabels.notRecorded[language]);
    }
    expect(layout).not.toMatch(/0 \/ 0 \/ 0/);
  });

  it('prints markup-like text as typed instead of running it', async () => {
    const { plan, schoolName } = buildTestingPlan('hi');
    const hostile = '#panic("boom") ] *not bold* $x^2$ <lbl> @ref #read("/etc/passwd")';
    const content = { ...plan.content, resources: [{ item: hostile, quantity: 1, location: '`raw` \\ #{1 + 1}' }] };
    const pdf = await renderPlanPdf({
      plan: { ...plan, content },
      schoolName: `${schoolName} #pagebreak()`,
      language: 'en',
      generatedOn: 'not a date',
    });
    const { text } = inspect(pdf, 'hostile');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('#panic("boom") ] *not bold* $x^2$ <lbl> @ref #read("/etc/passwd")');
    expect(flat).toContain('`raw` \\ #{1 + 1}');
    expect(flat).toContain('#pagebreak()');
    expect(flat).toContain('not a date');
  });

  it('prints a plan with every section empty, saying so instead of drawing an empty map', async () => {
    const { plan, schoolName } = buildTestingPlan('hi');
    const empty = {
      ...plan.content,
      hazardAssessment: { nonStructural: [], structural: [], outsideCampus: [], pastIncidents: [], vulnerableSpots: [] },
      committee: [],
      taskForces: [],
      sops: [],
      emergencyContacts: [],
      evacuationRoutes: [],
      assemblyPoints: [],
      resources: [],
      trainingPlan: [],
      drillSchedule: [],
    };
    const draft = {
      ...plan,
      status: 'draft' as const,
      content: empty,
      lastApprovedOn: undefined,
      reviewDueOn: undefined,
      sectionsNeedingUpdate: [],
    };
    const { text } = inspect(
      await renderPlanPdf({ plan: draft, schoolName, language: 'en', generatedOn: '2026-11-24' }),
      'empty',
    );
    expect(text).toContain('No coordinates recorded, so no map.');
    expect(text.match(/None recorded\./g)?.length).toBeGreaterThanOrEqual(10);
    expect(text.replace(/\s+/g, ' ')).toContain('Draft · Version 3 · Approved on: not yet · Review due: not yet');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../test/render-app';
import { mockApi, problem, type Handler } from '../../test/mock-api';
import { buildArea, buildMe, page } from '../../test/fixtures';
import { buildReview, gangtok, namchi, noneByKind } from './review-fixtures';
import type { Review } from './types';

// MapLibre needs WebGL, which jsdom lacks; the map gets its review checked instead.
vi.mock('./review-map', () => ({
  ReviewMap: ({ review }: { review: Review }) => <p data-testid="review-map">{`${review.school?.lon} ${review.school?.lat}`}</p>,
}));

const editor = buildMe({ role: 'district_officer', permissions: ['registry.read', 'registry.write'] });
const districts = [buildArea({ id: gangtok.id, level: 'district', name: 'GANGTOK' })];

function reviewsApi(reviews: Review[], extra: Record<string, Handler> = {}, me = editor) {
  return mockApi({
    'GET /api/v1/auth/me': () => ({ status: 200, body: me }),
    'GET /api/v1/areas': () => page(districts),
    'GET /api/v1/reviews/summary': () => ({
      status: 200,
      body: { total: 5, byKind: { ...noneByKind, outside_declared_area: 4, no_location: 1 } },
    }),
    'GET /api/v1/reviews': () => ({ status: 200, body: { items: reviews, nextCursor: null } }),
    ...extra,
  });
}

const card = async (name: string) => (await screen.findByRole('link', { name })).closest('article') as HTMLElement;

describe('placement review page', () => {
  it('counts reviews by kind and lists each with what was declared, where the point lies and why', async () => {
    const api = reviewsApi([
      buildReview(),
      buildReview({
        kind: 'area_name_mismatch',
        school: { ...buildReview().school!, name: 'Kutch Model School', code: '24010100101' },
        declared: { district: { name: 'Kutch' } },
        declaredArea: null,
        foundArea: null,
        detail: { declaredName: 'Kutch', areaName: 'KACHCHH', similarity: 0.55 },
      }),
    ]);
    renderApp('/reviews');
    const summary = await screen.findByLabelText('Reviews by kind');
    const count = (label: string) => within(summary).getByText(label).nextElementSibling?.textContent;
    expect(count('All kinds')).toBe('5');
    expect(count('Point outside the declared area')).toBe('4');
    expect(count('No location')).toBe('1');
    expect(count('Unknown area code')).toBe('0');

    const first = await card('Govt Primary School Tadong');
    const value = (label: string) => within(first).getByText(label).nextElementSibling?.textContent;
    expect(within(first).getByText(/11000000001/)).toBeTruthy();
    expect(value('Declared in the file')).toBe('District: Namchi (LGD 227)');
    expect(value('Point')).toBe('27.34, 88.61 (latitude, longitude)');
    expect(value('Point lies in')).toBe('GANGTOK');
    expect(value('What the import found')).toBe('The point lies in GANGTOK, but the file declared Namchi.');
    const second = await card('Kutch Model School');
    expect(within(second).getByText('What the import found').nextElementSibling?.textContent).toBe(
      'The file calls the district “Kutch”; the registry calls it “KACHCHH” (similarity 0.55).',
    );
    expect(api.find('GET /api/v1/reviews')[0]?.query.get('status')).toBe('open');

    fireEvent.click(within(first).getByRole('button', { name: 'Show on map' }));
    expect((await within(first).findByTestId('review-map')).textContent).toBe('88.61 27.34');
  });

  it('keeps the found area: posts the action on the version shown, then shows the row settled and recounts', async () => {
    const review = buildReview();
    const api = reviewsApi([review], {
      [`POST /api/v1/reviews/${review.id}/resolve`]: () => ({
        status: 200,
        body: {
          ...review,
          version: 2,
          status: 'resolved',
          resolution: { action: 'accept_location', comment: null, by: null, at: '2025-01-16T09:30:00.000Z' },
        },
      }),
    });
    renderApp('/reviews');
    const row = await card('Govt Primary School Tadong');
    fireEvent.click(within(row).getByRole('button', { name: 'Keep the area the point lies in' }));
    expect(await within(row).findByText(/Settled: the school stays in the area its point lies in/)).toBeTruthy();
    const [post] = api.find(`POST /api/v1/reviews/${review.id}/resolve`);
    expect(post?.body).toEqual({ version: 1, action: 'accept_location' });
    expect(post?.headers['idempotency-key']).toBe(`resolve-${review.id}-v1-accept_location`);
    expect(within(row).getByText('Point outside the declared area · Resolved')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Use the declared area' })).toBeNull();
    await waitFor(() => expect(api.find('GET /api/v1/reviews/summary')).toHaveLength(2));
  });

  it('moves the point to the coordinates typed, refusing a longitude out of range before sending', async () => {
    const review = buildReview();
    const answers: unknown[] = [];
    const api = reviewsApi([review], {
      [`POST /api/v1/reviews/${review.id}/resolve`]: (request) => {
        answers.push(request.body);
        return {
          status: 200,
          body: {
            ...review,
            version: 2,
            status: 'resolved',
            school: { ...review.school!, lon: 88.3, lat: 27.1, placement: 'matched', area: namchi },
            resolution: { action: 'move_point', comment: null, by: null, at: null },
          },
        };
      },
    });
    renderApp('/reviews');
    const row = await card('Govt Primary School Tadong');

    fireEvent.click(within(row).getByRole('button', { name: 'Correct the point…' }));
    const longitude = within(row).getByLabelText('Longitude');
    expect(longitude).toHaveProperty('value', '88.61');
    fireEvent.change(longitude, { target: { value: '188' } });
    fireEvent.change(within(row).getByLabelText('Latitude'), { target: { value: '27,1' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Move the point' }));
    expect(await within(row).findByText('Enter a longitude between -180 and 180.')).toBeTruthy();
    expect(api.find(`POST /api/v1/reviews/${review.id}/resolve`)).toHaveLength(0);
    fireEvent.change(longitude, { target: { value: '88.3' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Move the point' }));
    expect(await within(row).findByText(/Settled: the point was corrected/)).toBeTruthy();
    // The row shows the school where the corrected point put it.
    expect(within(row).getByText('Placed in now').nextElementSibling?.textContent).toBe('Namchi');
    expect(within(row).queryByText(/still disagrees/)).toBeNull();
    expect(answers).toEqual([{ version: 1, action: 'move_point', lon: 88.3, lat: 27.1 }]);
  });

  it('asks for a reason before dismissing; when someone else settled it first, says so and reloads the list', async () => {
    const review = buildReview();
    const settledElsewhere: Review = {
      ...review,
      version: 2,
      status: 'dismissed',
      resolution: { action: 'dismiss', comment: 'Campus spans the border.', by: null, at: null },
    };
    let listed = review;
    const api = reviewsApi([], {
      'GET /api/v1/reviews': () => ({ status: 200, body: { items: [listed], nextCursor: null } }),
      [`POST /api/v1/reviews/${review.id}/resolve`]: () => problem('REVIEW_SETTLED', 409),
    });
    renderApp('/reviews');
    const row = await card('Govt Primary School Tadong');
    fireEvent.click(within(row).getByRole('button', { name: 'Dismiss…' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Dismiss the review' }));
    expect(await within(row).findByText('Please fill this in.')).toBeTruthy();
    expect(api.find(`POST /api/v1/reviews/${review.id}/resolve`)).toHaveLength(0);

    fireEvent.change(within(row).getByLabelText(/Why dismiss this review/), { target: { value: '  Campus spans the border. ' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Dismiss the review' }));
    expect(
      await within(row).findByText('This review has already been settled by someone else. Reload to see what was decided.'),
    ).toBeTruthy();
    expect(api.find(`POST /api/v1/reviews/${review.id}/resolve`).map((r) => r.body)).toEqual([
      { version: 1, action: 'dismiss', comment: 'Campus spans the border.' },
    ]);
    // No decision on that version can succeed any more: the buttons give way to a reload.
    expect(within(row).queryByRole('button', { name: 'Dismiss the review' })).toBeNull();
    expect(within(row).queryByRole('button', { name: 'Keep the area the point lies in' })).toBeNull();
    const listReads = api.find('GET /api/v1/reviews').length;
    const summaryReads = api.find('GET /api/v1/reviews/summary').length;
    listed = settledElsewhere;
    fireEvent.click(within(row).getByRole('button', { name: 'Reload the reviews' }));
    const reloaded = await card('Govt Primary School Tadong');
    expect(await within(reloaded).findByText(/Dismissed\. .*“Campus spans the border\.”/)).toBeTruthy();
    expect(api.find('GET /api/v1/reviews')).toHaveLength(listReads + 1);
    expect(api.find('GET /api/v1/reviews/summary')).toHaveLength(summaryReads + 1);
    expect(within(reloaded).queryByRole('button', { name: 'Reload the reviews' })).toBeNull();
  });

  it('filters by the import and area in the address, and by the kind chosen; readers see no decisions', async () => {
    const importId = '00000000-0000-7000-8000-0000000000aa';
    const reader = buildMe({ role: 'viewer', permissions: ['registry.read'] });
    const api = reviewsApi([buildReview()], {}, reader);
    renderApp(`/reviews?import=${importId}&area=${gangtok.id}`);
    const row = await card('Govt Primary School Tadong');
    expect(within(row).queryByRole('button', { name: 'Keep the area the point lies in' })).toBeNull();
    expect(screen.getByText('Showing the reviews of one import.')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'District' })).toHaveProperty('value', gangtok.id);
    const [list] = api.find('GET /api/v1/reviews');
    expect([list?.query.get('import'), list?.query.get('area')]).toEqual([importId, gangtok.id]);
    expect(api.find('GET /api/v1/reviews/summary')[0]?.query.get('import')).toBe(importId);

    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'no_location' } });
    await waitFor(() => expect(api.find('GET /api/v1/reviews').at(-1)?.query.get('kind')).toBe('no_location'));
    fireEvent.click(screen.getByRole('button', { name: 'Show every import' }));
    await waitFor(() => expect(api.find('GET /api/v1/reviews').at(-1)?.query.get('import')).toBeNull());
  });

  it('speaks Japanese to a Japanese user: heading, explanation, declared codes and decisions', async () => {
    reviewsApi([buildReview()], {}, { ...editor, language: 'ja' });
    renderApp('/reviews');
    expect(await screen.findByRole('heading', { level: 1, name: '位置の確認' })).toBeTruthy();
    const row = await card('Govt Primary School Tadong');
    expect(within(row).getByText('取り込みで見つかったこと').nextElementSibling?.textContent).toBe(
      '地点はGANGTOKにありますが、ファイルではNamchiと申告されています。',
    );
    expect(within(row).getByText('ファイルでの申告').nextElementSibling?.textContent).toBe('県：Namchi（LGD 227）');
    expect(within(row).getByRole('button', { name: '地点のある地域のままにする' })).toBeTruthy();
  });

  it('says so when a corrected point still lies outside the declared district and a new review was opened', async () => {
    const review = buildReview();
    reviewsApi([review], {
      [`POST /api/v1/reviews/${review.id}/resolve`]: () => ({
        status: 200,
        body: {
          ...review,
          version: 2,
          status: 'resolved',
          school: { ...review.school!, lon: 88.7, lat: 27.4 },
          resolution: { action: 'move_point', comment: null, by: null, at: null },
        },
      }),
    });
    renderApp('/reviews');
    const row = await card('Govt Primary School Tadong');
    fireEvent.click(within(row).getByRole('button', { name: 'Correct the point…' }));
    fireEvent.change(within(row).getByLabelText('Longitude'), { target: { value: '88.7' } });
    fireEvent.change(within(row).getByLabelText('Latitude'), { target: { value: '27.4' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Move the point' }));
    expect(
      await within(row).findByText('The corrected point still disagrees with the declared codes, so a new review was opened.'),
    ).toBeTruthy();
  });
});

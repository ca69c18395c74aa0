import type { Locator, Page } from 'playwright-core';

/** A colour the map draws, as #rrggbb. */
type Hex = `#${string}`;

const rgb = (hex: Hex): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * How many pixels of a screenshot are close to each colour. WebGL keeps no drawing buffer to read back, so the
 * screenshot (what a person sees) is decoded in the page with the browser's own PNG decoder.
 */
async function colourCounts(page: Page, png: Buffer, colours: readonly Hex[]): Promise<number[]> {
  return page.evaluate(
    async ({ base64, targets }) => {
      // Not fetch(data:…): the app's Content-Security-Policy does not let the page connect to data: addresses.
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const counts = targets.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        targets.forEach(([r, g, b], n) => {
          if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 30) counts[n]! += 1;
        });
      }
      return counts;
    },
    { base64: png.toString('base64'), targets: colours.map(rgb) },
  );
}

/**
 * Waits until a map element shows at least `minimum` pixels of every colour (its layers are drawn: MapLibre
 * renders after its style and sources load), screenshotting it again as long as it does not; saves the last one.
 */
export async function waitForMapColours(
  map: Locator,
  colours: readonly Hex[],
  screenshotPath: string,
  { minimum = 20, timeout = 60_000 } = {},
): Promise<number[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const png = await map.screenshot({ path: screenshotPath });
    const counts = await colourCounts(map.page(), png, colours);
    if (counts.every((count) => count >= minimum)) return counts;
    if (Date.now() > deadline) throw new Error(`map never drew ${colours.join(', ')}: ${counts.join(', ')} pixels`);
  }
}

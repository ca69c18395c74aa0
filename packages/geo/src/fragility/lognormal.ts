/**
 * Standard normal CDF through the complementary error function, Chebyshev fit "erfcc" of Press et al.,
 * Numerical Recipes (2nd ed., 1992, §6.2): fractional error below 1.2e-7 everywhere.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/** P(DS >= ds | IM = im) = Φ(ln(im/θ)/β) for a lognormal fragility with median θ and log-standard deviation β. */
export function lognormalCdf(im: number, theta: number, beta: number): number {
  if (!(im > 0)) return 0;
  if (beta <= 0) return im >= theta ? 1 : 0;
  return normalCdf(Math.log(im / theta) / beta);
}

/**
 * OpenQuake's continuous fragility gives the mean and standard deviation of the lognormal variable itself
 * (not of its logarithm). Moments of the lognormal: β² = ln(1 + (σ/μ)²), θ = μ / sqrt(1 + (σ/μ)²).
 */
export function lognormalFromMoments(mean: number, stddev: number): { theta: number; beta: number } {
  const cv2 = (stddev / mean) ** 2;
  return { theta: mean / Math.sqrt(1 + cv2), beta: Math.sqrt(Math.log(1 + cv2)) };
}

// Lighthouse's scoring, reproduced for the "Lighthouse-equivalent" page-load numbers (Lighthouse
// itself needs Node 22; this project runs on Node 20).

/**
 * Lighthouse 10+ desktop curves (p10 and median of each metric) and performance weights. Speed
 * Index is not measured here, so the weights are renormalised over the other four (0.9 in all).
 */
export const DESKTOP_CURVES = {
  fcp: { p10: 934, median: 1600, weight: 0.1 },
  lcp: { p10: 1200, median: 2400, weight: 0.25 },
  tbt: { p10: 150, median: 350, weight: 0.3 },
  cls: { p10: 0.1, median: 0.25, weight: 0.25 },
}

/** Abramowitz–Stegun 7.1.26, the erf approximation Lighthouse's statistics module uses. */
function erf(x) {
  const sign = Math.sign(x)
  const ax = Math.abs(x)
  const t = 1 / (1 + 0.3275911 * ax)
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-ax * ax)
  return sign * y
}

/** Lighthouse's getLogNormalScore: 0.9 at p10, 0.5 at the median, clamped into its bands. */
export function logNormalScore({ p10, median }, value) {
  if (value <= 0) return 1
  const INVERSE_ERFC_ONE_FIFTH = 0.9062938166253941
  const xLogRatio = Math.log(value / median)
  const p10LogRatio = -Math.log(p10 / median)
  const standardizedX = (xLogRatio * INVERSE_ERFC_ONE_FIFTH) / p10LogRatio
  const complementaryPercentile = (1 - erf(standardizedX)) / 2
  if (value <= p10) return Math.max(0.9, Math.min(1, complementaryPercentile))
  if (value <= median) return Math.max(0.5, Math.min(0.8999999999999999, complementaryPercentile))
  return Math.max(0, Math.min(0.49999999999999994, complementaryPercentile))
}

/** 0–100 performance score from FCP, LCP, TBT (ms) and CLS. */
export function performanceScore(metrics) {
  let weighted = 0
  let total = 0
  for (const [key, curve] of Object.entries(DESKTOP_CURVES)) {
    weighted += curve.weight * logNormalScore(curve, metrics[key])
    total += curve.weight
  }
  return Math.round((100 * weighted) / total)
}

/** Lighthouse weights accessibility audits by axe impact. */
export const IMPACT_WEIGHTS = { critical: 10, serious: 7, moderate: 3, minor: 1 }

/**
 * 100 with no axe violation; else 100 minus the impact weight of each violated rule (floored at
 * 0). Stricter than Lighthouse, which divides by the weight of every applicable audit.
 */
export function accessibilityScore(violations) {
  const penalty = violations.reduce((sum, v) => sum + (IMPACT_WEIGHTS[v.impact] ?? 3), 0)
  return Math.max(0, 100 - penalty)
}

/** Share of the best-practice checks that passed, 0–100. */
export function bestPracticesScore(checks) {
  return Math.round((100 * checks.filter((c) => c.pass).length) / checks.length)
}

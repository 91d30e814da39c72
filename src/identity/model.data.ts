import type { FsModel } from './fuse.js';

/**
 * Fellegi–Sunter m/u of the scenario matcher, counted from the labelled candidate pairs of a calibration
 * scenario (seed `calibration`, 6,000 detainees — not the reference seed the accuracy floor is tested on) by
 * `sallyport identity evaluate --fit`, with each threshold chosen there as the best F1 among those whose
 * false-match rate over the candidate non-matches is at most 0.1 %. Regenerate after changing the comparison
 * levels or the synthetic templates.
 */
export const DEFAULT_MODEL: FsModel = {
  components: {
    names: { 'differ': { m: 0.134796, u: 0.857028 }, 'exact': { m: 0.786834, u: 0.0358374 }, 'high': { m: 0.0595611, u: 0.0245806 }, 'low': { m: 0.015674, u: 0.0704931 }, 'medium': { m: 0.0031348, u: 0.0120609 } },
    birth: { 'differ': { m: 0.003125, u: 0.82158 }, 'exact': { m: 0.178125, u: 0.000491069 }, 'same-year': { m: 0.421875, u: 0.0364524 }, 'transposed': { m: 0.003125, u: 8.09454e-05 }, 'year-1': { m: 0.303125, u: 0.0707085 }, 'year-2': { m: 0.090625, u: 0.070687 } },
    nationality: { 'differ': { m: 0.00316456, u: 0.491128 }, 'exact': { m: 0.996835, u: 0.508872 } },
    biometric: { 'good': { m: 0.00943396, u: 0.0240518 }, 'none': { m: 0.00314465, u: 0.784775 }, 'strong': { m: 0.971698, u: 3.77749e-05 }, 'weak': { m: 0.0157233, u: 0.191136 } },
    place: { 'differ': { m: 0.00389105, u: 0.961003 }, 'exact': { m: 0.992218, u: 0.035955 }, 'high': { m: 0.00389105, u: 0.00304209 } },
  },
  threshold: 7.8386,
};

/** The same for names, birth, place and nationality only (records without templates, and the names-only matcher). */
export const NAMES_MODEL: FsModel = {
  components: {
    names: { 'differ': { m: 0.134796, u: 0.857028 }, 'exact': { m: 0.786834, u: 0.0358374 }, 'high': { m: 0.0595611, u: 0.0245806 }, 'low': { m: 0.015674, u: 0.0704931 }, 'medium': { m: 0.0031348, u: 0.0120609 } },
    birth: { 'differ': { m: 0.003125, u: 0.82158 }, 'exact': { m: 0.178125, u: 0.000491069 }, 'same-year': { m: 0.421875, u: 0.0364524 }, 'transposed': { m: 0.003125, u: 8.09454e-05 }, 'year-1': { m: 0.303125, u: 0.0707085 }, 'year-2': { m: 0.090625, u: 0.070687 } },
    nationality: { 'differ': { m: 0.00316456, u: 0.491128 }, 'exact': { m: 0.996835, u: 0.508872 } },
    place: { 'differ': { m: 0.00389105, u: 0.961003 }, 'exact': { m: 0.992218, u: 0.035955 }, 'high': { m: 0.00389105, u: 0.00304209 } },
  },
  threshold: 11.4422,
};

/** The biometric-only threshold on the mean template cosine, chosen the same way. */
export const BIOMETRIC_THRESHOLD = 0.5197;

// Whether a measured pair sits above its roof: the one predicate behind the gate's above-roof finding, the
// table's "(above roof)", and the chart's red mark, label, note and subtitle.
//
// The tolerance is the resolution efficiency is shown at (a tenth of a percent, format.ts): a pair is above
// its roof exactly when its efficiency, as printed, exceeds 100.0%. So no rendering can say "100.0% (above
// roof)", and every "100.1%" is flagged. A smaller tolerance (the rules' 1e-9) would flag a measured time
// that matches the roofline's to four digits, which is a measurement at the roof, not an input error: the
// errors this catches (MACs counted as FLOPs, a sparse peak, a per-batch time against per-sample FLOPs) are
// factors of 2 and more, and profilers report times to 3 or 4 significant figures.
import { efficiencyPercent } from './format.js';

/** True when the measured time beats the roofline's, as shown: efficiency above 100.0%. False when not measured. */
export function isAboveRoof(result: { efficiency: number | null }): boolean {
  return result.efficiency !== null && efficiencyPercent(result.efficiency) > 100;
}

/** Weak evidence of Batch lowers a finding's severity one step rather than silencing it. */
import type { Confidence } from '../engine/facts';
import type { Severity } from '../engine/findings';

const ONE_STEP_DOWN: Record<Severity, Severity> = { error: 'warning', warning: 'information', information: 'hint', hint: 'hint' };

export function severityFor(severity: Severity, confidence: Confidence): Severity {
  return confidence === 'strong' ? severity : ONE_STEP_DOWN[severity];
}

/** Every rule, in the order their findings are reported for the same position. */
import type { Rule } from '../engine/findings';
import { runElevatedRule } from './runElevated';

export const RULES: readonly Rule[] = [runElevatedRule];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

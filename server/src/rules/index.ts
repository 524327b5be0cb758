/** Every rule. The order is the order of findings at the same position. */
import type { Rule } from '../engine/findings';
import { duplicateUserRule } from './duplicateUser';
import { hardcodedPasswordRule } from './hardcodedPassword';
import { identityConflictRule } from './identityConflict';
import { linuxUidGidRule } from './linuxUidGid';
import { misplacedCallRule } from './misplacedCall';
import { osMismatchRule } from './osMismatch';
import { runElevatedRule } from './runElevated';
import { sshKeyPlaceholderRule } from './sshKeyPlaceholder';
import { unknownEnumMemberRule } from './unknownEnumMember';
import { unknownUserRule } from './unknownUser';

export const RULES: readonly Rule[] = [
  runElevatedRule,
  identityConflictRule,
  linuxUidGidRule,
  unknownUserRule,
  duplicateUserRule,
  hardcodedPasswordRule,
  sshKeyPlaceholderRule,
  unknownEnumMemberRule,
  misplacedCallRule,
  osMismatchRule,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

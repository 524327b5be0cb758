/** os-mismatch rows in python: pools whose configuration tells their OS, with accounts of the other OS. */
import type { osMismatchRule } from '../../../../server/src/rules/osMismatch';
import type { CaseOf } from '../table';

export const ROWS: readonly CaseOf<typeof osMismatchRule>[] = [];

/**
 * run-elevated (Warning, fix): in each language every form of runElevated and every shape of
 * evidence found, every trap silent (issue 7), the exact message, fixes offered and text after a
 * fix, and runElevated beside an existing user identity. The rows are in runElevated/<language>.ts.
 */
import { runElevatedRule } from '../../../server/src/rules/runElevated';
import { CSHARP } from './runElevated/csharp';
import { JAVA } from './runElevated/java';
import { JSON_CASES } from './runElevated/json';
import { PYTHON } from './runElevated/python';
import { ruleTable } from './table';

ruleTable(runElevatedRule, { subject: 'runElevated' }, [...CSHARP, ...JAVA, ...PYTHON, ...JSON_CASES]);

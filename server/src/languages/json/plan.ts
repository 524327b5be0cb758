/**
 * What the JSON renderer needs for each runElevated beyond the text: the dialect its object is
 * written in (ARM casing or the data plane's) and where that object starts (a removal may take the
 * comma before the property).
 */
import type { JsonDialect } from '../../batch/sdks';
import type { Plans } from '../toolkit/plans';

export interface RunElevatedPlan {
  readonly dialect: JsonDialect;
  readonly objectStart: number;
}

/** Everything the renderer reads. */
export interface FilePlan {
  readonly text: string;
  readonly runElevated: Plans<RunElevatedPlan>;
}

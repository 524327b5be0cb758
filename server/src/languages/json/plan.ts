/**
 * What the JSON renderer needs for each runElevated beyond the text: the dialect its object is
 * written in (ARM casing or the data plane's; undefined when it cannot be told, and then nothing
 * is written in either) and where that object starts (a removal may take the comma before the
 * property). And what an edit must not touch for the analysis to be carried over (incremental.ts).
 */
import type { JsonDialect } from '../../batch/sdks';
import type { Plans } from '../toolkit/plans';
import type { NamesRead } from './arm';

export interface RunElevatedPlan {
  readonly dialect: JsonDialect | undefined;
  readonly objectStart: number;
}

/** Everything the renderer and the incremental path read. */
export interface FilePlan {
  readonly text: string;
  readonly runElevated: Plans<RunElevatedPlan>;
  /** The names the document's ARM expressions read: renaming a key to or from one changes where values go. */
  readonly namesRead: NamesRead;
}

/**
 * How the code adapters place tasks on pools (`Holder.pool`): each task, by the holder keys it goes
 * by, on the pool the code says plainly it runs on; a task placed on two different pools (one task
 * variable given to two pools) is on none, and the rule then asks the whole workspace.
 */
import type { Holder } from '../../engine/facts';

/** A pool a task runs on: a pool of the file by its accounts' key, or the id a job names. */
export type TaskPool = NonNullable<Holder['pool']>;

/** Places the task known by `key` on `pool` in `placed`; `null` once it has been placed on another. */
export function placeOnPool(placed: Map<string, TaskPool | null>, key: string, pool: TaskPool): void {
  const before = placed.get(key);
  placed.set(key, before === undefined || (before && samePool(before, pool)) ? pool : null);
}

function samePool(a: TaskPool, b: TaskPool): boolean {
  if ('key' in a) return 'key' in b && a.key === b.key && !!a.unseen === !!b.unseen;
  return 'id' in b && a.id.text === b.id.text && a.id.span.start === b.id.span.start;
}

/**
 * Evidence of Batch, in every language the same three answers: a construct is Batch's (`yes`: a
 * Batch type, module, package or document), certainly not (`no`: another library's or service's,
 * a JSON Schema), or the code does not say (`unknown`). Each language attaches what it learnt on
 * the way (the SDK generation, the package, the JSON dialect) to the answer: the same details for
 * every answer with `Evidence<…>`, or per answer (`Extract<Batchness, 'yes'> & …`) where only some
 * answers know them.
 */
import type { Confidence } from '../../engine/facts';

export type Batchness = 'yes' | 'no' | 'unknown';

/** An answer with the language's details: `Evidence<{ sdk?: … }>`. */
export type Evidence<Details extends object = object> = { readonly batch: Batchness } & Details;

export const NOT_BATCH = { batch: 'no' } as const;
export const UNKNOWN = { batch: 'unknown' } as const;

/**
 * How sure a finding may be: strong on Batch's own constructs; weak where the code does not say
 * and the language found enough around it (a Batch import in reach, an unmistakable shape); none
 * on anything that is not Batch's.
 */
export function confidenceFor(batch: Batchness, weakWhenUnknown: boolean): Confidence | undefined {
  if (batch === 'yes') return 'strong';
  return batch === 'unknown' && weakWhenUnknown ? 'weak' : undefined;
}

/**
 * What a renderer needs for a fact, worked out by the adapter while the syntax tree is at hand (the
 * engine may free the tree before a fix renders). Every language keys its plans the same way: by
 * the fact's span, as the engine keys broken syntax.
 */
import type { Span } from '../../engine/facts';
import { spanKey } from '../../engine/language';

export class Plans<P> {
  private readonly byFact = new Map<string, P>();

  set(fact: { readonly span: Span }, plan: P): void {
    this.byFact.set(spanKey(fact.span), plan);
  }

  get(fact: { readonly span: Span }): P | undefined {
    return this.byFact.get(spanKey(fact.span));
  }
}

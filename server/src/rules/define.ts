/**
 * How a rule is written: a descriptor (what it is, what it says) and a check that reports through
 * `report`, which fills in the rule id, the severity (one step down on weak evidence of Batch),
 * the deprecated tag and the texts of messages and fix titles from the descriptor.
 */
import type { Confidence, Facts, Span } from '../engine/facts';
import type { Finding, Fix, FixIntent, MessageText, RelatedInfo, Rule, RuleContext, RuleDescriptor, Severity } from '../engine/findings';
import { severityFor } from './confidence';

export type RuleMessages = RuleDescriptor['messages'];

/** The data a message needs: what its function takes; plain texts take none. */
export type MessageData<T extends MessageText> = T extends (data: infer D) => string ? D : never;

/** A message by id, with its data when it has placeholders: `'hardcoded'`, `['duplicate', { name }]`. */
export type MessageRef<M extends RuleMessages> = {
  [K in keyof M & string]: M[K] extends string ? K : readonly [K, MessageData<M[K]>];
}[keyof M & string];

export interface FixOffer<M extends RuleMessages> {
  readonly title: MessageRef<M>;
  readonly intent: FixIntent;
  /** Offered first on the squiggle. */
  readonly preferred?: boolean;
  /**
   * Applied by fix-all (on save, CLI --fix): the documented rewrite, with no choice left to the
   * author (not the task-scope variant). Its page says where it is equivalent only in part.
   */
  readonly safe: boolean;
}

export interface Reported<M extends RuleMessages> {
  /** What the squiggle covers. */
  readonly span: Span;
  /** How sure the adapter is that the construct is Batch's; weak lowers the severity one step. Absent: sure. */
  readonly confidence?: Confidence;
  /**
   * This finding's severity when it differs from the descriptor's default (a case the
   * documentation supports less strongly, e.g. "ignored" rather than "invalid"). Rule pages say which.
   */
  readonly severity?: Severity;
  readonly message: MessageRef<M>;
  readonly fixes?: readonly FixOffer<M>[];
  readonly related?: readonly { readonly span: Span; readonly message: MessageRef<M> }[];
}

export type Report<M extends RuleMessages> = (finding: Reported<M>) => void;

/** A rule whose messages keep their ids and data types (the tests render expected texts with them). */
export interface DefinedRule<M extends RuleMessages> extends Rule {
  readonly messages: M;
}

export function messageText<M extends RuleMessages>(messages: M, ref: MessageRef<M>): string {
  const [id, data] = typeof ref === 'string' ? [ref, undefined] : (ref as readonly [string, unknown]);
  const text = messages[id] as MessageText | undefined;
  if (text === undefined) throw new Error(`no message '${id}'`);
  return typeof text === 'string' ? text : (text as (data: unknown) => string)(data);
}

export function defineRule<M extends RuleMessages>(
  descriptor: RuleDescriptor & { readonly messages: M },
  check: (facts: Facts, report: Report<M>, context: RuleContext) => void,
): DefinedRule<M> {
  const deprecated = descriptor.tags?.includes('deprecated') ?? false;
  const text = (ref: MessageRef<M>) => messageText(descriptor.messages, ref);
  return {
    ...descriptor,
    check(facts, context) {
      const findings: Finding[] = [];
      check(
        facts,
        (reported) => {
          const fixes: Fix[] = (reported.fixes ?? []).map(({ title, ...fix }) => ({ title: text(title), ...fix }));
          const related: RelatedInfo[] | undefined = reported.related?.map((info) => ({ span: info.span, message: text(info.message) }));
          findings.push({
            rule: descriptor.id,
            severity: severityFor(reported.severity ?? descriptor.defaultSeverity, reported.confidence ?? 'strong'),
            span: reported.span,
            message: text(reported.message),
            ...(deprecated ? { deprecated } : {}),
            fixes,
            ...(related ? { related } : {}),
          });
        },
        context,
      );
      return findings;
    },
  };
}

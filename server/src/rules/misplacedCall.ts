/**
 * misplaced-call: a builder call made on the wrong object, as in the documentation's Java sample
 * where `.withScope(...)` follows `.withAutoUser(...)` and so lands on UserIdentity (G1). The fix
 * moves the call onto the object that has the method.
 */
import type { Facts } from '../engine/facts';
import { defineRule, type Report } from './define';

/** A call made on `receiverType` whose method belongs to `ownerType`. */
interface Call {
  readonly receiverType: string;
  readonly method: string;
  readonly ownerType: string;
}

const descriptor = {
  id: 'misplaced-call',
  title: 'Builder calls belong to the object that has the method',
  summary: 'a Java builder call on the wrong object (`withScope` on UserIdentity)',
  defaultSeverity: 'error',
  fixable: 'always',
  languages: ['java'],
  messages: {
    misplaced: (call: Call) =>
      `${call.receiverType} has no method ${call.method}: it belongs to ${call.ownerType}. Call it on the ${call.ownerType} instead.`,
    moveFix: (call: Pick<Call, 'method' | 'ownerType'>) => `Move ${call.method}(…) onto the ${call.ownerType}`,
  },
} as const;

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  for (const call of facts.builderCalls) {
    // The receiver's own method, or one no identity class has: nothing to move it to.
    if (call.ownerTypes.length === 0 || call.ownerTypes.includes(call.receiverType)) continue;
    const misplaced = { receiverType: call.receiverType, method: call.method, ownerType: call.ownerTypes[0] };
    report({
      span: call.nameSpan,
      message: ['misplaced', misplaced],
      fixes: [
        {
          title: ['moveFix', misplaced],
          intent: { kind: 'moveMisplacedCall', fact: call },
          preferred: true,
          safe: true,
        },
      ],
    });
  }
}

export const misplacedCallRule = defineRule(descriptor, check);

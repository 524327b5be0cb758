/**
 * misplaced-call: a builder call made on the wrong object, as in the documentation's Java sample
 * where `.withScope(...)` follows `.withAutoUser(...)` and so lands on UserIdentity (G1). The fix
 * moves the call onto the object that has the method.
 */
import type { Facts } from '../engine/facts';
import type { Finding, Rule } from '../engine/findings';

export const MISPLACED_CALL = 'misplaced-call';

function check(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const call of facts.builderCalls) {
    // The receiver's own method, or one no identity class has: nothing to move it to.
    if (call.ownerTypes.length === 0 || call.ownerTypes.includes(call.receiverType)) continue;
    const ownerType = call.ownerTypes[0];
    findings.push({
      rule: MISPLACED_CALL,
      severity: 'error',
      span: call.nameSpan,
      message: `${call.receiverType} has no method ${call.method}: it belongs to ${ownerType}. Call it on the ${ownerType} instead.`,
      fixes: [
        {
          title: `Move ${call.method}(…) onto the ${ownerType}`,
          intent: { kind: 'moveMisplacedCall', fact: call },
          preferred: true,
          safe: true,
        },
      ],
    });
  }
  return findings;
}

export const misplacedCallRule: Rule = {
  id: MISPLACED_CALL,
  title: 'Builder calls belong to the object that has the method',
  defaultSeverity: 'error',
  check,
};

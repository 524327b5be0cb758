/**
 * Every text a rule shows — messages, fix titles, related information — word for word, by id and
 * data. The rule tables assert which message a finding has and with what data by rendering the
 * descriptor's; this file pins what those renderings say, so a change of wording is a visible
 * change of this file. Every message id of every rule is here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleDescriptor } from '../../../server/src/engine/findings';
import { RULES } from '../../../server/src/rules';
import { messageText, type DefinedRule, type MessageRef, type RuleMessages } from '../../../server/src/rules/define';
import { duplicateUserRule } from '../../../server/src/rules/duplicateUser';
import { hardcodedPasswordRule } from '../../../server/src/rules/hardcodedPassword';
import { identityConflictRule } from '../../../server/src/rules/identityConflict';
import { linuxUidGidRule } from '../../../server/src/rules/linuxUidGid';
import { misplacedCallRule } from '../../../server/src/rules/misplacedCall';
import { runElevatedRule } from '../../../server/src/rules/runElevated';
import { sshKeyPlaceholderRule } from '../../../server/src/rules/sshKeyPlaceholder';
import { unknownEnumMemberRule } from '../../../server/src/rules/unknownEnumMember';
import { unknownUserRule } from '../../../server/src/rules/unknownUser';

const covered = new Map<string, Set<string>>();

function says<M extends RuleMessages>(rule: DefinedRule<M>, texts: readonly (readonly [MessageRef<M>, string])[]): void {
  describe(rule.id, () => {
    for (const [ref, expected] of texts) {
      const id = typeof ref === 'string' ? ref : (ref as readonly [string, unknown])[0];
      if (!covered.has(rule.id)) covered.set(rule.id, new Set());
      covered.get(rule.id)!.add(id);
      it(`${id}${typeof ref === 'string' ? '' : ` ${JSON.stringify(ref[1])}`}`, () => {
        assert.equal(messageText(rule.messages, ref), expected);
      });
    }
  });
}

const REMOVED = 'runElevated was removed in Batch service version 2017-01-01.4.0';

says(runElevatedRule, [
  ['read', `${REMOVED}; read the user identity's elevation level instead.`],
  ['identityAgrees', `${REMOVED}; this object already sets a user identity with the same elevation, so runElevated only adds noise.`],
  [
    'identityDiffers',
    `${REMOVED}; this object also sets a user identity, which is what the service uses. Remove runElevated once the identity says what you mean.`,
  ],
  ['useIdentity', `${REMOVED} and newer SDKs drop it silently. Use a user identity instead.`],
  [
    ['useElevation', { elevation: 'admin' }],
    `${REMOVED} and newer SDKs drop it silently. Use a user identity: an auto-user with elevation level Admin.`,
  ],
  [
    ['useElevation', { elevation: 'nonAdmin' }],
    `${REMOVED} and newer SDKs drop it silently. Use a user identity: an auto-user with elevation level NonAdmin.`,
  ],
  [
    'useSameCondition',
    `${REMOVED} and newer SDKs drop it silently. Use a user identity: an auto-user whose elevation level follows the same condition.`,
  ],
  ['sameObjectIdentity', 'The user identity of the same object'],
  [['replaceFix', { elevation: 'admin' }], 'Replace runElevated with an auto-user identity (elevation Admin)'],
  [
    ['replaceFix', { elevation: 'nonAdmin', scope: 'pool' }],
    'Replace runElevated with an auto-user identity (elevation NonAdmin, pool scope)',
  ],
  [
    ['replaceFix', { elevation: 'sameCondition', scope: 'task' }],
    'Replace runElevated with an auto-user identity (elevation Admin or NonAdmin by the same condition, task scope)',
  ],
  [
    ['replaceTaskScopeFix', { elevation: 'admin' }],
    'Replace runElevated with an auto-user identity (elevation Admin, task scope: keeps per-task isolation; the default scope is pool since 2019-08-01.10.0)',
  ],
  ['removeFix', 'Remove runElevated (the user identity already sets this elevation)'],
]);

says(identityConflictRule, [
  ['both', 'This user identity sets both a user name and an auto-user; the service accepts exactly one of the two. Keep the one you mean.'],
  [
    'bothWithEmptyName',
    'This user identity sets both a user name and an auto-user; the service accepts exactly one of the two. An empty user name still counts as set: remove it.',
  ],
  ['neither', 'This user identity sets neither a user name nor an auto-user; the service requires exactly one of the two.'],
]);

says(linuxUidGidRule, [
  [
    ['onlyOne', { set: 'uid' }],
    'uid is set without gid: the Linux user configuration needs both or neither (without them the OS picks them).',
  ],
  [
    ['onlyOne', { set: 'gid' }],
    'gid is set without uid: the Linux user configuration needs both or neither (without them the OS picks them).',
  ],
]);

says(unknownUserRule, [
  [
    ['unknown', { name: 'opz' }],
    "No pool in this workspace defines a user account named 'opz'; a task can only run as a user account of its pool.",
  ],
]);

says(duplicateUserRule, [
  [['duplicate', { name: 'ops' }], "The pool already defines a user account named 'ops'; account names must be unique on a pool."],
  ['firstAccount', 'The first account with this name'],
]);

says(hardcodedPasswordRule, [
  [
    'hardcoded',
    'This user account password is written in the source. Read it from a secret store, the environment or a template parameter.',
  ],
]);

const NOT_A_KEY = (problem: string) =>
  `This SSH private key is ${problem}, so it cannot be a key: password-less SSH between the pool's nodes will not work. Pass a real private key (not password-protected), or omit it.`;
says(sshKeyPlaceholderRule, [
  [['notAKey', { problem: 'guid' }], NOT_A_KEY('a GUID')],
  [['notAKey', { problem: 'empty' }], NOT_A_KEY('empty')],
  [['notAKey', { problem: 'short' }], NOT_A_KEY('far too short to be a private key')],
]);

says(unknownEnumMemberRule, [
  [
    ['misspelled', { enum: 'ElevationLevel', member: 'NONADMIN', suggestion: 'NON_ADMIN' }],
    "ElevationLevel has no member 'NONADMIN' here; it is spelled 'NON_ADMIN'.",
  ],
  [
    ['unknown', { enum: 'ElevationLevel', member: 'Root', valid: ['NonAdmin', 'Admin'] }],
    "ElevationLevel has no member 'Root'; valid here: 'NonAdmin', 'Admin'.",
  ],
  [['changeFix', { suggestion: 'NON_ADMIN' }], "Change to 'NON_ADMIN'"],
]);

says(misplacedCallRule, [
  [
    ['misplaced', { receiverType: 'UserIdentity', method: 'withScope', ownerType: 'AutoUserSpecification' }],
    'UserIdentity has no method withScope: it belongs to AutoUserSpecification. Call it on the AutoUserSpecification instead.',
  ],
  [['moveFix', { method: 'withScope', ownerType: 'AutoUserSpecification' }], 'Move withScope(…) onto the AutoUserSpecification'],
]);

it('every message of every rule is pinned here', () => {
  const ids = (rule: RuleDescriptor) => Object.keys(rule.messages).sort();
  assert.deepEqual(
    RULES.map((rule) => [rule.id, [...(covered.get(rule.id) ?? [])].sort()]),
    RULES.map((rule) => [rule.id, ids(rule)]),
  );
});

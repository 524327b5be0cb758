/**
 * misplaced-call (Error, fix): a Java builder call made on an identity object that has no such
 * method, as in the documentation's sample (G1) where `.withScope(…)` follows `.withAutoUser(…)`
 * and so lands on UserIdentity. The fix moves the call to the end of the in-place argument that
 * owns the method (on its own line when it had one, indented like that argument's calls); it is
 * offered only when that argument is built right there. Fix-all is idempotent.
 *
 * The construct exists only in Java's builder chains: C# identities are built with constructors or
 * initializers (a misplaced property does not compile), Python with keyword arguments, JSON with
 * nesting, so no other language has a case here.
 */
import { misplacedCallRule } from '../../../server/src/rules/misplacedCall';
import { javaLegacy, javaMgmt, javaMgmtLegacy, javaNew, ruleTable, type Found, type Says } from './table';

/** `method` called on `receiverType`, which lacks it: the message names its owner, the fix moves the call there. */
const misplaced = (receiverType: string, method: string, ownerType: string): Found<typeof misplacedCallRule.messages> => [
  'error',
  method,
  ['misplaced', { receiverType, method, ownerType }],
  [['moveFix', { method, ownerType }]],
];

const seedShape = (scopeLine: string) =>
  'task.withId("t1")\n' +
  '        .withUserIdentity(new UserIdentity()\n' +
  '            .withAutoUser(new AutoUserSpecification()\n' +
  `                .withElevationLevel(ElevationLevel.ADMIN)${scopeLine}`;

/** What each message says, word for word. */
const SAYS: Says<typeof misplacedCallRule> = [
  [
    ['misplaced', { receiverType: 'UserIdentity', method: 'withScope', ownerType: 'AutoUserSpecification' }],
    'UserIdentity has no method withScope: it belongs to AutoUserSpecification. Call it on the AutoUserSpecification instead.',
  ],
  [['moveFix', { method: 'withScope', ownerType: 'AutoUserSpecification' }], 'Move withScope(…) onto the AutoUserSpecification'],
];

ruleTable(misplacedCallRule, { subject: 'builderCalls', says: SAYS }, [
  {
    name: 'legacy: the documentation’s task sample, withScope after withAutoUser(…) on its own line',
    language: 'java',
    text: javaLegacy(seedShape(')\n                .withScope(AutoUserScope.TASK));')),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: javaLegacy(seedShape('\n                .withScope(AutoUserScope.TASK)));')),
  },
  {
    name: 'legacy: the same, broken by the sample’s stray semicolon before .withCommandLine',
    language: 'java',
    text: javaLegacy(seedShape(')\n                .withScope(AutoUserScope.TASK));\n        .withCommandLine("cmd /c echo hello");')),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: javaLegacy(seedShape('\n                .withScope(AutoUserScope.TASK)));\n        .withCommandLine("cmd /c echo hello");')),
  },
  {
    name: 'legacy: an inline chain is moved inline',
    language: 'java',
    text: javaLegacy(
      'UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)).withScope(AutoUserScope.POOL);',
    ),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: javaLegacy(
      'UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.POOL));',
    ),
  },
  {
    name: 'legacy: withElevationLevel and withScope both on UserIdentity, moved in one fix-all',
    language: 'java',
    text: javaLegacy(
      'UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification()).withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK);',
    ),
    found: [
      misplaced('UserIdentity', 'withElevationLevel', 'AutoUserSpecification'),
      misplaced('UserIdentity', 'withScope', 'AutoUserSpecification'),
    ],
    fixed: javaLegacy(
      'UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK));',
    ),
  },
  {
    name: 'legacy: withGid after withLinuxUserConfiguration(…) lands on UserAccount',
    language: 'java',
    text: javaLegacy(
      'UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001)).withGid(1001);',
    ),
    found: [misplaced('UserAccount', 'withGid', 'LinuxUserConfiguration')],
    fixed: javaLegacy(
      'UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001).withGid(1001));',
    ),
  },
  {
    name: 'legacy: CRLF line endings are kept',
    language: 'java',
    text: javaLegacy(seedShape(')\n                .withScope(AutoUserScope.TASK));')).replace(/\n/g, '\r\n'),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: javaLegacy(seedShape('\n                .withScope(AutoUserScope.TASK)));')).replace(/\n/g, '\r\n'),
  },
  {
    name: 'com.azure.compute.batch: setScope after setAutoUser(…)',
    language: 'java',
    text: javaNew(
      'task.setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setElevationLevel(ElevationLevel.ADMIN)).setScope(AutoUserScope.TASK));',
    ),
    found: [misplaced('UserIdentity', 'setScope', 'AutoUserSpecification')],
    fixed: javaNew(
      'task.setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setElevationLevel(ElevationLevel.ADMIN).setScope(AutoUserScope.TASK)));',
    ),
  },
  {
    name: 'legacy: a call on an identity variable: found, nowhere clear to move it',
    language: 'java',
    text: javaLegacy(
      'UserIdentity identity = new UserIdentity().withAutoUser(spec);\nidentity.withScope(AutoUserScope.TASK);',
      'AutoUserSpecification spec',
    ),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: null,
  },
  {
    name: 'legacy: withUserName on AutoUserSpecification: no UserIdentity argument to move it into',
    language: 'java',
    text: javaLegacy(
      'AutoUserSpecification spec = new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withUserName("ops");',
    ),
    found: [misplaced('AutoUserSpecification', 'withUserName', 'UserIdentity')],
    fixed: null,
  },
  {
    name: 'legacy: the target already calls withScope: moving would set it twice',
    language: 'java',
    text: javaLegacy(
      'UserIdentity identity = new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.POOL)).withScope(AutoUserScope.TASK);',
    ),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: null,
  },
  {
    name: 'legacy: a comment between the calls would be lost: no move',
    language: 'java',
    text: javaLegacy(
      'UserIdentity identity = new UserIdentity().withAutoUser(new AutoUserSpecification()) // admin below\n        .withScope(AutoUserScope.TASK);',
    ),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: null,
  },
  {
    name: 'legacy: every call on the object that has it',
    language: 'java',
    text: javaLegacy(
      'task.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK)));\n' +
        'UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1).withGid(1));',
    ),
    found: [],
    // Seen and judged fine: the adapter reports every builder call on an identity object, the rule judges.
    seen: 8,
  },
  {
    name: 'com.azure.compute.batch: every call on the object that has it',
    language: 'java',
    text: javaNew('task.setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setScope(AutoUserScope.POOL)));'),
    found: [],
    seen: 2,
  },
  {
    name: 'com.azure.resourcemanager.batch: withScope after withAutoUser(…) on a pool start task',
    language: 'java',
    text: javaMgmt(
      'startTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)).withScope(AutoUserScope.POOL));',
    ),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: javaMgmt(
      'startTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.POOL)));',
    ),
  },
  {
    name: 'com.azure.resourcemanager.batch: withSshPrivateKey on UserAccount (the management accounts have none) moves into the Linux configuration',
    language: 'java',
    text: javaMgmt(
      'UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1).withGid(1)).withSshPrivateKey(secret);',
    ),
    found: [misplaced('UserAccount', 'withSshPrivateKey', 'LinuxUserConfiguration')],
    fixed: javaMgmt(
      'UserAccount mpi = new UserAccount().withName("mpi").withPassword(secret).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1).withGid(1).withSshPrivateKey(secret));',
    ),
  },
  {
    name: 'com.microsoft.azure.management.batch: withScope on the identity a start task’s getter returns: found, nowhere clear to move it',
    language: 'java',
    text: javaMgmtLegacy(
      'startTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification()));\nstartTask.userIdentity().withScope(AutoUserScope.POOL);',
    ),
    found: [misplaced('UserIdentity', 'withScope', 'AutoUserSpecification')],
    fixed: null,
  },
  {
    name: 'com.azure.resourcemanager.batch: withUsername is UserIdentity’s own',
    language: 'java',
    text: javaMgmt('startTask.withUserIdentity(new UserIdentity().withUsername("mpiuser"));'),
    found: [],
    seen: 1,
  },
  {
    name: 'com.microsoft.azure.management.batch: withUserName is UserIdentity’s own, withSshPrivateKey the Linux configuration’s',
    language: 'java',
    text: javaMgmtLegacy(
      'startTask.withUserIdentity(new UserIdentity().withUserName("winuser"));\nLinuxUserConfiguration linux = new LinuxUserConfiguration().withUid(1).withGid(1).withSshPrivateKey(secret);',
    ),
    found: [],
    seen: 4,
  },
  {
    name: 'a fluent UserIdentity of another library',
    language: 'java',
    text: 'import com.contoso.auth.*;\n\nclass Auth {\n    Object make() {\n        return new UserIdentity().withAutoUser(new AutoUserSpecification()).withScope(1);\n    }\n}\n',
    found: [],
    seen: 0,
  },
]);

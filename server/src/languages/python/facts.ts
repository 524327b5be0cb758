/**
 * Python facts: azure-batch (≤14 and 15.x) and azure-mgmt-batch code → identity facts. Everything
 * starts from the occurrences of a few anchor words; the tree is asked what each occurrence is, and
 * evidence.ts whether it is Batch's: `x.run_elevated = …` counts when x holds a Batch model, or,
 * weakly, when x is of unknown origin in a file that imports azure.batch.
 */
import { PYTHON, pythonGeneration, validSpellings } from '../../batch/sdks';
import {
  emptyFacts,
  type Confidence,
  type Facts,
  type Holder,
  type IdentityFact,
  type RunElevatedFact,
  type Span,
  type UserAccountFact,
} from '../../engine/facts';
import { accountFact, identityFact, type ModelField, type WrittenModel } from '../toolkit/models';
import { Plans } from '../toolkit/plans';
import { Words } from '../toolkit/text';
import { nodesNamed, sameNode, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import { BatchEvidence } from './evidence';
import { planRunElevated, type FilePlan, type RunElevatedPlan, type RunElevatedSite } from './plan';
import { SymbolTable } from './scope';
import { argumentsOf, calleeName, isDeleteOrAugmented, keywordCall, keywordNameNode } from './syntax';
import { PythonValues } from './values';

const K = PYTHON.keywords;

/** The keyword(s) that give each field of the identity models (UserIdentity's user name differs per generation). */
const KEYWORDS: Record<ModelField, readonly string[]> = {
  userName: [PYTHON.userNameKeyword.legacy, PYTHON.userNameKeyword.v15],
  autoUser: [K.autoUser],
  scope: [K.scope],
  elevation: [K.elevationLevel],
  name: [K.name],
  password: [K.password],
  linux: [K.linuxUserConfiguration],
  windows: [K.windowsUserConfiguration],
  uid: [K.uid],
  gid: [K.gid],
  sshPrivateKey: [K.sshPrivateKey],
  loginMode: [K.loginMode],
};
/** The class a nested model field holds. */
const NESTED_CLASS = { autoUser: 'AutoUserSpecification', linux: 'LinuxUserConfiguration', windows: 'WindowsUserConfiguration' };

export function collectFacts(text: string, tree: Tree): { facts: Facts; plan: FilePlan } {
  return new PythonFacts(text, tree).run();
}

class PythonFacts {
  private readonly words: Words;
  private readonly symbols: SymbolTable;
  private readonly evidence: BatchEvidence;
  private readonly values: PythonValues;
  private readonly facts: Facts = emptyFacts();
  /** Identity constructions by call offset, with the holders their value reaches. */
  private readonly constructions = new Map<number, { fact: IdentityFact; holders: { holder: Holder; use: Node }[] }>();
  /** `user_identity=` / `.user_identity =` sites whose value is not a construction this file shows. */
  private readonly identitySites: { valueNode: Node; nameNode: Node; holder: Holder; confidence: Confidence }[] = [];

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
  ) {
    this.words = new Words(text);
    this.symbols = new SymbolTable(tree, this.words);
    this.evidence = new BatchEvidence(tree, this.words, this.symbols);
    this.values = new PythonValues(this.symbols, this.evidence);
  }

  run(): { facts: Facts; plan: FilePlan } {
    const runElevated = this.collectRunElevated();
    const enumAccesses = this.evidence.enumAccesses();
    this.collectIdentitySites();
    for (const access of enumAccesses) {
      this.facts.enumRefs.push({
        value: this.values.enumValue(access),
        valid: validSpellings(this.values.spellings(access.plane), access.enumName),
      });
    }
    this.collectIdentities();
    this.collectAccounts();
    const plans = new Plans<RunElevatedPlan>();
    for (const site of runElevated) {
      plans.set(site.fact, planRunElevated(this.symbols, this.evidence.sdk, site));
    }
    return { facts: this.facts, plan: { text: this.text, runElevated: plans } };
  }

  // ---------------------------------------------------------------------------------------------
  // runElevated
  // ---------------------------------------------------------------------------------------------

  private collectRunElevated(): RunElevatedSite[] {
    const found: RunElevatedSite[] = [];
    for (const name of nodesNamed(this.tree, this.words, PYTHON.runElevated)) {
      const parent = name.parent;
      if (!parent) continue;
      if (parent.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), name)) {
        const call = keywordCall(name);
        const cls = call && this.evidence.batchClassOfCall(call);
        const valueNode = parent.childForFieldName('value');
        if (!call || !cls || !valueNode) continue;
        const fact: RunElevatedFact = {
          form: 'keyword',
          span: spanOf(parent),
          nameSpan: spanOf(name),
          value: this.values.value(valueNode, false),
          holder: { key: `py:call:${call.startIndex}`, taskKind: PYTHON.taskTypes[cls.className], typeName: cls.className },
          confidence: cls.confidence,
        };
        found.push({ fact, node: name, callee: call.childForFieldName('function') ?? undefined, plane: cls.plane });
      } else if (parent.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), name)) {
        const receiver = parent.childForFieldName('object');
        if (!receiver) continue;
        const held = this.evidence.held(receiver);
        const assignment = parent.parent;
        const isTarget = assignment?.type === 'assignment' && sameNode(assignment.childForFieldName('left'), parent);
        if (isTarget) {
          if (held.batch === 'no' || (held.batch === 'unknown' && !this.symbols.importsBatch)) continue;
          const right = assignment.childForFieldName('right');
          const fact: RunElevatedFact = {
            form: 'assign',
            span: spanOf(assignment),
            nameSpan: spanOf(name),
            // `a.run_elevated = b.run_elevated = True` has no single value to rewrite.
            value: right && right.type !== 'assignment' ? this.values.value(right, false) : undefined,
            holder: this.evidence.holderOf(held),
            confidence: held.batch === 'yes' ? held.confidence : 'weak',
          };
          const batch = held.batch === 'yes' ? held : undefined;
          found.push({ fact, node: name, callee: batch?.call?.childForFieldName('function') ?? undefined, plane: batch?.plane ?? 'data' });
        } else if (held.batch === 'yes' && !isDeleteOrAugmented(parent)) {
          // Reads count only on a known Batch model: a config object's own run_elevated field is not one.
          found.push({
            fact: {
              form: 'read',
              span: spanOf(parent),
              nameSpan: spanOf(name),
              holder: this.evidence.holderOf(held),
              confidence: held.confidence,
            },
            node: name,
            plane: held.plane,
          });
        }
      }
    }
    // What this SDK generation does with runElevated (hovers say it); plans are keyed by these facts.
    const sites = found.map((site) => ({ ...site, fact: { ...site.fact, generation: pythonGeneration(site.plane, this.evidence.sdk) } }));
    for (const site of sites) this.facts.runElevated.push(site.fact);
    return sites;
  }

  // ---------------------------------------------------------------------------------------------
  // User identities
  // ---------------------------------------------------------------------------------------------

  /** Every place a holder receives a user identity: `user_identity=` of a Batch call, `x.user_identity = …`. */
  private collectIdentitySites(): void {
    for (const name of nodesNamed(this.tree, this.words, PYTHON.userIdentity)) {
      const parent = name.parent;
      if (!parent) continue;
      let holder: Holder | undefined;
      let confidence: Confidence = 'strong';
      let valueNode: Node | null = null;
      let site: Node = parent;
      if (parent.type === 'keyword_argument' && sameNode(parent.childForFieldName('name'), name)) {
        const call = keywordCall(name);
        const cls = call && this.evidence.batchClassOfCall(call);
        if (!call || !cls) continue;
        holder = { key: `py:call:${call.startIndex}`, taskKind: PYTHON.taskTypes[cls.className], typeName: cls.className };
        confidence = cls.confidence;
        valueNode = parent.childForFieldName('value');
      } else if (parent.type === 'attribute' && sameNode(parent.childForFieldName('attribute'), name)) {
        const assignment = parent.parent;
        const receiver = parent.childForFieldName('object');
        if (assignment?.type !== 'assignment' || !sameNode(assignment.childForFieldName('left'), parent) || !receiver) continue;
        const held = this.evidence.held(receiver);
        if (held.batch === 'no' || (held.batch === 'unknown' && !this.symbols.importsBatch)) continue;
        holder = this.evidence.holderOf(held);
        confidence = held.batch === 'yes' ? held.confidence : 'weak';
        valueNode = assignment.childForFieldName('right');
        site = assignment;
      }
      if (!holder || !valueNode) continue;
      // Whatever the value, None included, the holder has a user identity.
      this.facts.identityAssignments.push({ span: spanOf(site), nameSpan: spanOf(name), holder });
      if (valueNode.type === 'none') continue;
      this.identitySites.push({ valueNode, nameNode: name, holder, confidence });
    }
  }

  private collectIdentities(): void {
    for (const { call, nameNode, cls } of this.evidence.constructionsOf('UserIdentity')) {
      const fact = identityFact(this.written(call, 'UserIdentity', spanOf(nameNode)), undefined, cls.confidence);
      this.constructions.set(call.startIndex, { fact, holders: [] });
    }
    for (const site of this.identitySites) {
      const construction = this.evidence.constructionBehind(site.valueNode, 'UserIdentity');
      const entry = construction && this.constructions.get(construction.startIndex);
      if (entry) {
        entry.holders.push({ holder: site.holder, use: site.valueNode });
        continue;
      }
      // An identity this file does not show (a parameter, a factory's result): known to be set, not what it is.
      this.facts.identities.push({
        span: spanOf(site.valueNode),
        nameSpan: spanOf(site.nameNode),
        holder: site.holder,
        autoUser: { reference: this.values.value(site.valueNode, false) },
        confidence: site.confidence,
      });
    }
    for (const { fact, holders } of this.constructions.values()) {
      if (holders.length <= 1) {
        this.facts.identities.push(holders.length === 1 ? { ...fact, holder: holders[0].holder } : fact);
        continue;
      }
      // One identity (a module constant) given to several holders: the construction once, and each use.
      this.facts.identities.push(fact);
      for (const { holder, use } of holders) {
        this.facts.identities.push({ ...fact, span: spanOf(use), nameSpan: spanOf(use), holder });
      }
    }
  }

  /**
   * A construction of a Batch model as written: its keyword arguments (positional ones named by the
   * SDK's order), `None` counting as not written; nested models read the same way.
   */
  private written(call: Node, className: string, nameSpan: Span): WrittenModel {
    const args = argumentsOf(call, PYTHON.positional[className]);
    const argument = (name: ModelField) => KEYWORDS[name].map((keyword) => args.get(keyword)).find((node) => node !== undefined);
    return {
      span: spanOf(call),
      nameSpan,
      value: (name) => {
        const node = argument(name);
        if (!node) return undefined;
        // azure-batch 2.x had the SSH key on the account itself: reported as written, None included.
        if (name === 'sshPrivateKey' && className === 'UserAccount') return this.values.value(node, true);
        if (node.type === 'none') return undefined;
        // An auto-user given by an expression is that expression, not what a name bound to it holds.
        return this.values.value(node, name !== 'autoUser');
      },
      nested: (name) => {
        const node = argument(name);
        const nested = node && this.evidence.constructionBehind(node, NESTED_CLASS[name]);
        return nested && this.written(nested, NESTED_CLASS[name], spanOf(calleeName(nested)));
      },
      nameOf: (name) => {
        const keyword = keywordNameNode(call, KEYWORDS[name][0]);
        return keyword && spanOf(keyword.name);
      },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // User accounts
  // ---------------------------------------------------------------------------------------------

  private collectAccounts(): void {
    for (const { call, nameNode, cls } of this.evidence.constructionsOf('UserAccount')) {
      this.facts.accounts.push(accountFact(this.written(call, 'UserAccount', spanOf(nameNode)), this.poolOf(call), cls.confidence));
    }
  }

  /**
   * The pool an account is defined on: the call or object its `user_accounts` list is given to,
   * else the list itself. An account held in a variable is followed to the list naming it.
   */
  private poolOf(account: Node): UserAccountFact['pool'] {
    let list: Node | undefined = account.parent?.type === 'list' ? account.parent : undefined;
    if (!list) {
      const binding = this.symbols.assignedName(account);
      list = binding
        ? this.symbols
            .usesOf(binding)
            .map((use) => use.parent)
            .find((p): p is Node => p?.type === 'list')
        : undefined;
    }
    if (!list) return undefined;
    const target = this.receiverOfList(list);
    return target ?? { key: `py:list:${list.startIndex}`, span: spanOf(list) };
  }

  private receiverOfList(list: Node): { key: string; span: Span } | undefined {
    const parent = list.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.text === K.userAccounts) {
      const call = parent.parent?.parent;
      if (call?.type === 'call') return { key: `py:call:${call.startIndex}`, span: spanOf(call) };
    }
    if (parent?.type === 'assignment' && sameNode(parent.childForFieldName('right'), list)) {
      const left = parent.childForFieldName('left');
      if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === K.userAccounts) {
        const receiver = left.childForFieldName('object');
        const held = receiver ? this.evidence.held(receiver) : undefined;
        if (held && held.batch !== 'no') return { key: held.key, span: spanOf(parent) };
      }
      const binding = this.symbols.assignedName(list);
      for (const use of binding ? this.symbols.usesOf(binding) : []) {
        const keyword = use.parent;
        if (keyword?.type === 'keyword_argument' && keyword.childForFieldName('name')?.text === K.userAccounts) {
          const call = keyword.parent?.parent;
          if (call?.type === 'call') return { key: `py:call:${call.startIndex}`, span: spanOf(call) };
        }
      }
    }
    return undefined;
  }
}

/**
 * Where a value of an ARM template ends up. A pool's start task or user accounts may be written
 * straight in a `Microsoft.Batch/batchAccounts/pools` resource, or elsewhere and brought there at
 * deployment: a parameter's `defaultValue` read by `[parameters('x')]`, a variable read by
 * `[variables('x')]` (variable and property `copy` loops included), a nested deployment's parameter
 * value read by its inline template, or a linked template whose content this file does not hold.
 * This module follows those references through the template (and the templates nested in it, with
 * their inner or outer expression scope) and says which resources a value reaches: the resource
 * types decide Batch and the JSON dialect (evidence.ts). Bicep compiles to the same shapes (modules
 * are nested deployments with inner scope, `for` loops are copy loops; languageVersion 2.0 keys
 * resources by symbolic name), so Bicep output is read the same way.
 *
 * Sources: Azure Resource Manager template documentation — syntax (parameters, variables,
 * resources, outputs), "Variable iteration" and "Property iteration" (copy), "Linked and nested
 * templates" (expressionEvaluationOptions: scope inner/outer, templateLink), and "Template syntax:
 * languageVersion 2.0" (resources as an object keyed by symbolic name).
 */
import type { Node } from 'jsonc-parser';
import { ANY_STEP, armExpressionReads, isArmExpression, type PathSegment } from './armExpression';
import { keyOf, property, stringValue } from './syntax';

/** What a value reaches: a Batch resource, another service's resource, or something this file cannot tell. */
export interface Reach {
  readonly batch: boolean;
  readonly other: boolean;
  readonly unknown: boolean;
}

const NOTHING: Reach = { batch: false, other: false, unknown: false };
const BATCH: Reach = { batch: true, other: false, unknown: false };
const OTHER: Reach = { batch: false, other: true, unknown: false };
const UNKNOWN: Reach = { batch: false, other: false, unknown: true };

function union(a: Reach, b: Reach): Reach {
  return { batch: a.batch || b.batch, other: a.other || b.other, unknown: a.unknown || b.unknown };
}

/**
 * Where inside a parameter's or variable's value an object sits: the steps from the value down,
 * and whether what follows them is unknown (the value went through a function on the way).
 */
interface ValuePath {
  readonly steps: readonly PathSegment[];
  readonly open: boolean;
}
const WHOLE: ValuePath = { steps: [], open: false };
const SOMEWHERE: ValuePath = { steps: [], open: true };

function pathText(path: ValuePath): string {
  return (
    path.steps.map((s) => (s === ANY_STEP ? '*' : typeof s === 'number' ? `#${s}` : `.${s.toLowerCase()}`)).join('') +
    (path.open ? '…' : '')
  );
}

function sameStep(a: PathSegment, b: PathSegment): boolean {
  if (a === ANY_STEP || b === ANY_STEP) return true;
  // ARM property names are case-insensitive.
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

/**
 * Whether a reference that reads `read` of a value can read the object at `path` (one contains the
 * other), and if so, where the object lands relative to the place the reference is written.
 */
function landing(path: ValuePath, read: readonly PathSegment[], direct: boolean): ValuePath | undefined {
  const common = Math.min(path.steps.length, read.length);
  for (let i = 0; i < common; i++) if (!sameStep(path.steps[i], read[i])) return undefined;
  if (path.steps.length < read.length && !path.open) {
    // The reference reads a part of the object: the object is used there (in part).
    return direct ? WHOLE : SOMEWHERE;
  }
  if (!direct) return SOMEWHERE;
  return { steps: path.steps.slice(read.length), open: path.open };
}

export type ReferenceKind = 'parameters' | 'variables';

interface Use {
  /** The expression string. */
  readonly node: Node;
  readonly kind: ReferenceKind;
  /** Lower-case name; undefined when computed (the use may read any of them). */
  readonly name?: string;
  readonly path: readonly PathSegment[];
  readonly direct: boolean;
}

const DEPLOYMENT_TYPE = 'microsoft.resources/deployments';
/** Links between flows a document may make before the rest is deemed unknown: cycles end, and so do pathological chains. */
const MAX_HOPS = 64;

/** Names an edit must not change without a new analysis: those the expressions read (incremental.ts). */
export interface NamesRead {
  /** Lower-case parameter, variable and property names the template's expressions read. */
  readonly names: ReadonlySet<string>;
  /** An expression reads a computed name, or could not be parsed: any name may matter. */
  readonly anyName: boolean;
}

/** An ARM template document: its templates (the root and the inline nested ones), their scopes and expressions. */
export class ArmDocument {
  /** Template nodes → the template whose parameters and variables their expressions read. */
  private readonly scopes = new Map<Node, Node>();
  /** The references of the expression strings, by the scope they are evaluated in, then by `kind:name` (`kind:*`: a computed name). */
  private readonly usesByScope = new Map<Node, Map<string, Use[]>>();
  private readonly namesRead = new Set<string>();
  private anyName = false;
  private readonly memo = new Map<string, Reach>();

  constructor(
    private readonly root: Node,
    private readonly isBatchType: (type: string) => boolean,
  ) {
    this.index();
  }

  get names(): NamesRead {
    return { names: this.namesRead, anyName: this.anyName };
  }

  /** What the object (or string) reaches at deployment. */
  reachOf(node: Node): Reach {
    return this.reach(node, WHOLE, 0);
  }

  /** Walks the document once (iteratively: JSON may nest deeper than the stack), finding templates and expressions. */
  private index(): void {
    this.scopes.set(this.root, this.root);
    const stack: { node: Node; template: Node }[] = [{ node: this.root, template: this.root }];
    while (stack.length > 0) {
      const { node, template } = stack.pop()!;
      if (node.type === 'string') {
        const value = node.value as string;
        if (isArmExpression(value)) this.addUses(node, value, this.scopes.get(template)!);
        continue;
      }
      // A property's key is never evaluated: only its value.
      const children = node.type === 'property' ? node.children!.slice(1) : (node.children ?? []);
      for (const child of children) {
        const nested = child.type === 'object' && this.nestedTemplateScope(child, template);
        if (nested) this.scopes.set(child, nested);
        stack.push({ node: child, template: nested ? child : template });
      }
    }
  }

  /** For an inline nested template (a deployment's `properties.template`): the scope its expressions read. */
  private nestedTemplateScope(object: Node, template: Node): Node | undefined {
    if (keyOf(object) !== 'template') return undefined;
    const properties = object.parent?.parent;
    if (!properties || keyOf(properties) !== 'properties') return undefined;
    const deployment = properties.parent?.parent;
    if (!deployment || deployment.type !== 'object' || !this.isResourceOf(deployment, template)) return undefined;
    if (stringValue(property(deployment, 'type'))?.toLowerCase() !== DEPLOYMENT_TYPE) return undefined;
    const scope = stringValue(property(property(properties, 'expressionEvaluationOptions'), 'scope'));
    // The default, outer scope: the nested template's expressions read the parent's parameters and variables.
    return scope?.toLowerCase() === 'inner' ? object : this.scopes.get(template);
  }

  /** A resource of `template`: an element of its `resources` array, or (languageVersion 2.0) a member of its `resources` object. */
  private isResourceOf(node: Node, template: Node): boolean {
    const container = node.parent?.type === 'property' ? node.parent.parent : node.parent;
    return !!container && keyOf(container) === 'resources' && container.parent?.parent === template;
  }

  private addUses(node: Node, expression: string, scope: Node): void {
    const reads = armExpressionReads(expression);
    if (!reads.parsed) {
      // It may read anything: count it as a use of every parameter and variable.
      this.anyName = true;
      for (const kind of ['parameters', 'variables'] as const) this.addUse(scope, { node, kind, path: [], direct: false });
      return;
    }
    for (const reference of reads.references) {
      const name = reference.name?.toLowerCase();
      if (name === undefined) this.anyName = true;
      else this.namesRead.add(name);
      for (const step of reference.path) if (typeof step === 'string') this.namesRead.add(step.toLowerCase());
      this.addUse(scope, { node, kind: reference.kind, name, path: reference.path, direct: reference.direct });
    }
  }

  private addUse(scope: Node, use: Use): void {
    let byName = this.usesByScope.get(scope);
    if (!byName) this.usesByScope.set(scope, (byName = new Map()));
    const key = `${use.kind}:${use.name ?? '*'}`;
    const uses = byName.get(key);
    if (uses) uses.push(use);
    else byName.set(key, [use]);
  }

  /**
   * What `node` reaches, `path` being where the object of interest sits inside it. Read from the
   * root down: the first template section or resource on the way decides.
   */
  private reach(node: Node, path: ValuePath, hops: number): Reach {
    if (hops > MAX_HOPS) return UNKNOWN;
    const chain: Node[] = [];
    for (let n: Node | undefined = node; n; n = n.parent) if (n.type !== 'property') chain.push(n);
    chain.reverse();
    let template = this.root;
    for (let i = 1; i < chain.length; i++) {
      const section = keyOf(chain[i]);
      if (chain[i - 1] !== template) continue;
      // chain[i] is a section of `template`.
      switch (section) {
        case 'resources': {
          const resource = chain[i + 1];
          if (!resource) return UNKNOWN;
          const type = stringValue(property(resource, 'type'));
          if (type === undefined) return UNKNOWN;
          if (this.isBatchType(type)) return BATCH;
          if (type.toLowerCase() !== DEPLOYMENT_TYPE) return OTHER;
          const properties = chain[i + 2];
          if (!properties || keyOf(properties) !== 'properties') return UNKNOWN;
          const part = chain[i + 3];
          const partKey = part && keyOf(part);
          if (partKey === 'template' && this.scopes.has(part)) {
            template = part;
            i += 3;
            continue;
          }
          if (partKey === 'parameters') return this.intoDeployment(properties, chain, i + 4, path, hops);
          return UNKNOWN;
        }
        case 'parameters': {
          const declaration = chain[i + 1];
          const slot = chain[i + 2];
          if (!declaration || !slot) return UNKNOWN;
          const slotKey = keyOf(slot);
          if (slotKey !== 'defaultValue' && slotKey !== 'allowedValues') return OTHER; // type, metadata: documentation
          if (this.scopes.get(template) !== template) return UNKNOWN; // an outer-scope template's own parameters are not read
          const steps = slotKey === 'allowedValues' ? stepsBelow(chain, i + 3, false) : stepsBelow(chain, i + 2, false);
          if (!steps) return OTHER;
          return this.flow(template, 'parameters', keyOf(declaration)!, append(steps, path), hops);
        }
        case 'variables': {
          const declaration = chain[i + 1];
          if (!declaration) return UNKNOWN;
          if (this.scopes.get(template) !== template) return UNKNOWN;
          const name = keyOf(declaration)!;
          if (name === 'copy' && declaration.type === 'array') {
            // A variable copy loop: `{"name": "accounts", "count": n, "input": {...}}` defines variable `accounts`, an array.
            const loop = chain[i + 2];
            const input = chain[i + 3];
            const loopName = stringValue(property(loop, 'name'));
            if (!loop || !input || keyOf(input) !== 'input' || loopName === undefined) return OTHER;
            const steps = stepsBelow(chain, i + 3, true);
            if (!steps) return OTHER;
            return this.flow(template, 'variables', loopName, append({ steps: [ANY_STEP, ...steps.steps], open: steps.open }, path), hops);
          }
          const steps = stepsBelow(chain, i + 1, true);
          if (!steps) return OTHER;
          return this.flow(template, 'variables', name, append(steps, path), hops);
        }
        case 'outputs':
        case 'functions':
          return UNKNOWN;
        default:
          // $schema, metadata, definitions (types): nothing deployed.
          return OTHER;
      }
    }
    return UNKNOWN;
  }

  /** A value passed to a nested or linked deployment: `properties.parameters.<name>.value`. */
  private intoDeployment(properties: Node, chain: Node[], at: number, path: ValuePath, hops: number): Reach {
    const parameter = chain[at];
    const value = chain[at + 1];
    if (!parameter || !value || keyOf(value) !== 'value') return OTHER; // a Key Vault reference
    const template = property(properties, 'template');
    // A linked template (templateLink) is not in this file: what it does with the value is unknown.
    if (!template || !this.scopes.has(template) || this.scopes.get(template) !== template) return UNKNOWN;
    const steps = stepsBelow(chain, at + 1, false);
    if (!steps) return OTHER;
    return this.flow(template, 'parameters', keyOf(parameter)!, append(steps, path), hops);
  }

  /** What the object at `path` in parameter or variable `name` of `scope` reaches, through every expression that reads it. */
  private flow(scope: Node, kind: ReferenceKind, name: string, path: ValuePath, hops: number): Reach {
    const key = `${scope.offset}:${kind}:${name.toLowerCase()}:${pathText(path)}`;
    const known = this.memo.get(key);
    if (known) return known;
    this.memo.set(key, NOTHING); // a cycle adds nothing
    let reach = NOTHING;
    const byName = this.usesByScope.get(scope);
    const uses = [...(byName?.get(`${kind}:${name.toLowerCase()}`) ?? []), ...(byName?.get(`${kind}:*`) ?? [])];
    for (const use of uses) {
      const landed = use.name === undefined ? SOMEWHERE : landing(path, use.path, use.direct);
      if (!landed) continue;
      reach = union(reach, this.reach(use.node, landed, hops + 1));
      if (reach.batch && reach.other && reach.unknown) break;
    }
    // Read nowhere: nothing tells where it goes.
    if (!reach.batch && !reach.other && !reach.unknown) reach = UNKNOWN;
    this.memo.set(key, reach);
    return reach;
  }
}

/** `inner` continued by `path`. */
function append(inner: ValuePath, path: ValuePath): ValuePath {
  return { steps: [...inner.steps, ...path.steps], open: inner.open || path.open };
}

/**
 * The steps from `chain[from]` (a parameter's or variable's value) down to the chain's end.
 * In variables, a property copy loop (`"copy": [{"name": "userAccounts", "input": {...}}]`) makes
 * the object's `userAccounts` property an array of its inputs; its `name` and `count` are no data.
 * Undefined when the end is not part of the value.
 */
function stepsBelow(chain: readonly Node[], from: number, copyLoops: boolean): ValuePath | undefined {
  const steps: PathSegment[] = [];
  for (let i = from + 1; i < chain.length; i++) {
    const node = chain[i];
    const parent = chain[i - 1];
    if (copyLoops && parent.type === 'array' && keyOf(parent) === 'copy') {
      const input = chain[i + 1];
      const loopName = stringValue(property(node, 'name'));
      if (!input) return undefined;
      if (keyOf(input) !== 'input' || loopName === undefined) return undefined;
      steps.pop(); // the `copy` key is no property of the value
      steps.push(loopName, ANY_STEP);
      i++;
      continue;
    }
    if (parent.type === 'array') steps.push(parent.children!.indexOf(node));
    else steps.push(keyOf(node)!);
  }
  return { steps, open: false };
}

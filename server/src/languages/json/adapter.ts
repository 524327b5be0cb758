/**
 * JSON adapter: REST bodies, Batch CLI templates and ARM templates → identity facts.
 * Only properties reached from an anchor word are looked at, so big documents cost a parse and
 * little more.
 */
import { createScanner, type Node } from 'jsonc-parser';
import type { EnumName } from '../../batch/model';
import { canonicalMember, JSON_DIALECTS, JSON_KEYS, JSON_REST_LEGACY_SPELLINGS, validSpellings, type JsonDialect } from '../../batch/sdks';
import {
  emptyFacts,
  type AutoUserFact,
  type Confidence,
  type EnumRefFact,
  type Facts,
  type Holder,
  type IdentityFact,
  type LinuxUserFact,
  type Span,
  type UserAccountFact,
  type Value,
} from '../../engine/facts';
import { classifyRoot, evidenceFor, keyOf, property, taskKindOf, type Evidence } from './documentKind';

/** Scanner token kinds (jsonc-parser's const enum, which a bundler cannot inline from its .d.ts). */
export const Token = {
  OpenBrace: 1,
  CloseBrace: 2,
  OpenBracket: 3,
  CloseBracket: 4,
  Comma: 5,
  LineComment: 12,
  BlockComment: 13,
  EOF: 17,
} as const;

export interface JsonContext {
  readonly text: string;
  /** Dialect of each object holding a fact, by its offset (the renderer writes in it). */
  readonly dialectOf: Map<number, JsonDialect>;
}

/** Keys only a Batch user account has beside name and password. */
const ACCOUNT_SHAPE_KEYS = ['elevationLevel', 'linuxUserConfiguration', 'windowsUserConfiguration'];

const ENUM_KEYS: Record<string, EnumName> = { elevationLevel: 'ElevationLevel', scope: 'AutoUserScope', loginMode: 'LoginMode' };

/**
 * The innermost node containing `offset`. Children are in offset order, so each level is a
 * binary search: a 50,000-task collection costs a few steps per look-up, not a scan.
 */
function innermostNodeAt(root: Node, offset: number): Node | undefined {
  if (offset < root.offset || offset >= root.offset + root.length) return undefined;
  let node = root;
  for (;;) {
    const children = node.children;
    if (!children || children.length === 0) return node;
    let lo = 0;
    let hi = children.length - 1;
    let hit: Node | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const child = children[mid];
      if (offset < child.offset) hi = mid - 1;
      else if (offset >= child.offset + child.length) lo = mid + 1;
      else {
        hit = child;
        break;
      }
    }
    if (!hit) return node;
    node = hit;
  }
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** `"key": value` from the key's opening quote to the value's end. */
export function propertySpan(prop: Node): Span {
  return spanOf(prop);
}

function keyNodeOf(value: Node): Node | undefined {
  const parent = value.parent;
  return parent?.type === 'property' ? parent.children?.[0] : undefined;
}

/** An ARM or CLI-template expression (`[parameters('x')]`), or a pipeline/env placeholder. */
function isExpressionString(value: string): boolean {
  return (/^\[.*\]$/s.test(value) && !value.startsWith('[[')) || /^\$\{.+\}$|^\$\(.+\)$|^\{\{.+\}\}$|^#\{.+\}#$|^__\w+__$/.test(value);
}

function valueOf(node: Node, text: string): Value {
  const span = spanOf(node);
  const raw = text.slice(span.start, span.end);
  switch (node.type) {
    case 'boolean':
      return { kind: 'bool', value: node.value as boolean, span, text: raw };
    case 'number':
      return { kind: 'number', value: node.value as number, span, text: raw };
    case 'null':
      return { kind: 'null', span, text: raw };
    case 'string': {
      const value = node.value as string;
      return isExpressionString(value) ? { kind: 'expr', span, text: raw, hint: 'secret' } : { kind: 'string', value, span, text: raw };
    }
    default:
      return { kind: 'expr', span, text: raw };
  }
}

function enumValueOf(node: Node, enumName: EnumName, dialect: JsonDialect, text: string): Value {
  if (node.type !== 'string' || isExpressionString(node.value as string)) return valueOf(node, text);
  const member = node.value as string;
  const spellings = JSON_DIALECTS[dialect].enums;
  let canonical = canonicalMember(spellings, enumName, member);
  if (!canonical && dialect === 'rest' && enumName === 'ElevationLevel' && member === JSON_REST_LEGACY_SPELLINGS.nonAdmin)
    canonical = 'nonAdmin';
  const span = spanOf(node);
  return {
    kind: 'enum',
    enum: enumName,
    member,
    canonical,
    span,
    memberSpan: { start: span.start + 1, end: span.end - 1 },
    text: text.slice(span.start, span.end),
  };
}

export function analyzeJson(text: string, root: Node | undefined): { facts: Facts; context: JsonContext } {
  const facts = emptyFacts();
  const context: JsonContext = { text, dialectOf: new Map() };
  if (!root) return { facts, context };
  const rootKind = classifyRoot(root);
  if (rootKind === 'schema') return { facts, context };

  const evidenceCache = new Map<Node, Evidence>();
  const evidence = (object: Node): Evidence => {
    let e = evidenceCache.get(object);
    if (!e) evidenceCache.set(object, (e = evidenceFor(object, rootKind, root)));
    return e;
  };
  const seen = new Set<Node>();

  /** Every `"key"` property reachable from the word's occurrences, with the object that holds it. */
  const propertiesNamed = (key: string): { prop: Node; object: Node }[] => {
    const found: { prop: Node; object: Node }[] = [];
    const quoted = `"${key}"`;
    for (let i = text.indexOf(quoted); i !== -1; i = text.indexOf(quoted, i + quoted.length)) {
      const keyNode = innermostNodeAt(root, i + 1);
      const prop = keyNode?.parent;
      if (!keyNode || keyNode.type !== 'string' || keyNode.offset !== i || prop?.type !== 'property' || prop.children?.[0] !== keyNode)
        continue;
      const object = prop.parent;
      if (object?.type === 'object') found.push({ prop, object });
    }
    return found;
  };

  const holderOf = (object: Node): Holder => ({ key: `json:${object.offset}`, taskKind: taskKindOf(object), typeName: keyOf(object) });

  // runElevated ---------------------------------------------------------------------------------
  for (const { prop, object } of propertiesNamed(JSON_KEYS.runElevated)) {
    const valueNode = prop.children?.[1];
    const keyNode = prop.children?.[0];
    if (!valueNode || !keyNode) continue;
    // A definition (`"runElevated": {"type": "boolean"}`) is not a use.
    if (valueNode.type === 'object' || valueNode.type === 'array') continue;
    const e = evidence(object);
    if (e.batch === 'no') continue;
    let confidence: Confidence = 'strong';
    if (e.batch === 'unknown') {
      // Without document evidence only the unmistakable shape counts: a boolean beside commandLine.
      if (valueNode.type !== 'boolean' || !property(object, 'commandLine')) continue;
      confidence = 'weak';
    }
    context.dialectOf.set(object.offset, e.dialect);
    facts.runElevated.push({
      form: 'property',
      span: propertySpan(prop),
      nameSpan: spanOf(keyNode),
      value: valueOf(valueNode, text),
      holder: holderOf(object),
      confidence,
      generation: e.dialect,
    });
  }

  // userIdentity ---------------------------------------------------------------------------------
  for (const { prop, object } of propertiesNamed(JSON_KEYS.userIdentity)) {
    const identity = prop.children?.[1];
    const keyNode = prop.children?.[0];
    if (!identity || !keyNode || identity.type !== 'object' || seen.has(identity)) continue;
    seen.add(identity);
    const e = evidence(object);
    if (e.batch === 'no') continue;
    const confidence: Confidence = e.batch === 'yes' ? 'strong' : 'weak';
    if (confidence === 'weak' && !property(object, 'commandLine')) continue;
    context.dialectOf.set(object.offset, e.dialect);
    context.dialectOf.set(identity.offset, e.dialect);
    const userNameNode =
      property(identity, JSON_DIALECTS[e.dialect].userNameKey) ?? property(identity, e.dialect === 'arm' ? 'username' : 'userName');
    const autoUserNode = property(identity, JSON_KEYS.autoUser);
    let autoUser: IdentityFact['autoUser'];
    if (autoUserNode?.type === 'object') {
      autoUser = autoUserFact(autoUserNode, e.dialect, text, facts.enumRefs);
      context.dialectOf.set(autoUserNode.offset, e.dialect);
    } else if (autoUserNode && autoUserNode.type !== 'null') {
      autoUser = { reference: valueOf(autoUserNode, text) };
    }
    facts.identities.push({
      span: spanOf(identity),
      nameSpan: spanOf(keyNode),
      holder: holderOf(object),
      userName: userNameNode ? valueOf(userNameNode, text) : undefined,
      autoUser,
      confidence,
    });
  }

  // userAccounts ---------------------------------------------------------------------------------
  for (const { prop, object } of propertiesNamed(JSON_KEYS.userAccounts)) {
    const list = prop.children?.[1];
    if (!list || list.type !== 'array') continue;
    const e = evidence(object);
    if (e.batch === 'no') continue;
    const confidence: Confidence = e.batch === 'yes' ? 'strong' : 'weak';
    const pool = { key: `json:${list.offset}`, span: spanOf(object) };
    for (const item of list.children ?? []) {
      if (item.type !== 'object') continue;
      // Without document evidence, only an account shaped like Batch's counts.
      if (confidence === 'weak' && !ACCOUNT_SHAPE_KEYS.some((key) => property(item, key))) continue;
      context.dialectOf.set(item.offset, e.dialect);
      facts.accounts.push(accountFact(item, e.dialect, text, pool, confidence, facts.enumRefs));
    }
  }
  return { facts, context };
}

function pushEnumRef(refs: EnumRefFact[], value: Value, dialect: JsonDialect): void {
  if (value.kind !== 'enum') return;
  refs.push({ value, valid: validSpellings(JSON_DIALECTS[dialect].enums, value.enum) });
}

function enumProperty(object: Node, key: string, dialect: JsonDialect, text: string, refs: EnumRefFact[]): Value | undefined {
  const node = property(object, key);
  if (!node) return undefined;
  const value = enumValueOf(node, ENUM_KEYS[key], dialect, text);
  pushEnumRef(refs, value, dialect);
  return value;
}

function autoUserFact(node: Node, dialect: JsonDialect, text: string, refs: EnumRefFact[]): AutoUserFact {
  return {
    span: spanOf(node),
    scope: enumProperty(node, 'scope', dialect, text, refs),
    elevation: enumProperty(node, 'elevationLevel', dialect, text, refs),
  };
}

function accountFact(
  item: Node,
  dialect: JsonDialect,
  text: string,
  pool: { key: string; span: Span },
  confidence: Confidence,
  refs: EnumRefFact[],
): UserAccountFact {
  const optional = (node: Node | undefined) => (node ? valueOf(node, text) : undefined);
  const nameNode = property(item, 'name');
  const linuxNode = property(item, 'linuxUserConfiguration');
  const windowsNode = property(item, 'windowsUserConfiguration');
  let linux: LinuxUserFact | undefined;
  if (linuxNode?.type === 'object') {
    linux = {
      span: spanOf(linuxNode),
      nameSpan: spanOf(keyNodeOf(linuxNode) ?? linuxNode),
      uid: optional(property(linuxNode, 'uid')),
      gid: optional(property(linuxNode, 'gid')),
      sshPrivateKey: optional(property(linuxNode, 'sshPrivateKey')),
    };
  }
  // 2017-01-01.4.0 had the key on the account itself.
  const topLevelKey = property(item, 'sshPrivateKey');
  if (!linux && topLevelKey)
    linux = { span: spanOf(item), nameSpan: spanOf(keyNodeOf(topLevelKey) ?? topLevelKey), sshPrivateKey: valueOf(topLevelKey, text) };
  return {
    span: spanOf(item),
    nameSpan: spanOf(nameNode ? (keyNodeOf(nameNode) ?? item) : item),
    name: optional(nameNode),
    password: optional(property(item, 'password')),
    elevation: enumProperty(item, 'elevationLevel', dialect, text, refs),
    linux,
    windows:
      windowsNode?.type === 'object'
        ? {
            span: spanOf(windowsNode),
            nameSpan: spanOf(keyNodeOf(windowsNode) ?? windowsNode),
            loginMode: enumProperty(windowsNode, 'loginMode', dialect, text, refs),
          }
        : undefined,
    pool,
    confidence,
  };
}

/** Comment tokens containing `needle`, found with jsonc-parser's scanner (strings are skipped). */
export function jsonComments(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (!text.includes(needle)) return spans;
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== Token.EOF; token = scanner.scan()) {
    if (token !== Token.LineComment && token !== Token.BlockComment) continue;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (text.slice(start, end).includes(needle)) spans.push({ start, end });
  }
  return spans;
}

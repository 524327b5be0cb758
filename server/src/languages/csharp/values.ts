/**
 * C# expressions → neutral values: literals (constant strings of every kind), Batch enum members,
 * names of constants resolved to what they hold, and hints for secret look-ups and GUID
 * generators.
 */
import type { EnumName } from '../../batch/model';
import { canonicalMember, CSHARP, csharpTypeNames } from '../../batch/sdks';
import type { Value } from '../../engine/facts';
import { field, namedChildren, sameNode, spanOf, type Node } from '../toolkit/treeSitter';
import type { BatchEvidence } from './evidence';
import type { SymbolTable } from './scope';
import { assignmentTo, constantNumber, constantString, segmentsOf, unwrap } from './syntax';

export type EnumValue = Extract<Value, { kind: 'enum' }>;

/** The identity enums under every name the generations give them (`ElevationLevel`, `BatchUserAccountElevationLevel`). */
export const ENUM_TYPE_NAMES: readonly string[] = Object.keys(CSHARP.enums).flatMap(csharpTypeNames);
const ENUM_NAMES: ReadonlySet<string> = new Set(ENUM_TYPE_NAMES);

/** .NET look-ups of settings and secrets: what a password read at run time comes from. */
const SECRET_METHODS: ReadonlySet<string> = new Set([
  'GetEnvironmentVariable',
  'GetSecret',
  'GetSecretAsync',
  'GetConnectionString',
  'GetValue',
  'GetSection',
  'GetRequiredSection',
]);
/** Receivers indexed for settings (`configuration["x"]`, `ConfigurationManager.AppSettings["x"]`). */
const SETTINGS_RECEIVERS: ReadonlySet<string> = new Set([
  'configuration',
  'config',
  'appsettings',
  'connectionstrings',
  'settings',
  'secrets',
]);
/** Beyond this many characters an expression is not searched for look-ups. */
const MAX_HINT_SEARCH = 1000;

function lastName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'member_access_expression') {
    const name = field(node, 'name');
    if (!name) return undefined;
    // `GetValue<string>` is a generic name whose first child is the identifier.
    return name.type === 'generic_name' ? namedChildren(name)[0]?.text : name.text;
  }
  if (node.type === 'generic_name') return namedChildren(node)[0]?.text;
  return undefined;
}

function isGuidType(type: Node | undefined): boolean {
  const segments = type && segmentsOf(type);
  return !!segments && segments[segments.length - 1] === 'Guid' && (segments.length === 1 || segments.join('.') === 'System.Guid');
}

/** `new Guid()`, `Guid.NewGuid()`, `Guid.Empty`, `default(Guid)`. */
function isGuid(node: Node): boolean {
  const expr = unwrap(node);
  if (expr.type === 'object_creation_expression') return isGuidType(field(expr, 'type'));
  if (expr.type === 'default_expression') return isGuidType(namedChildren(expr)[0]);
  if (expr.type === 'invocation_expression') {
    const fn = field(expr, 'function');
    return fn?.type === 'member_access_expression' && field(fn, 'name')?.text === 'NewGuid' && isGuidType(field(fn, 'expression'));
  }
  if (expr.type === 'member_access_expression') return field(expr, 'name')?.text === 'Empty' && isGuidType(field(expr, 'expression'));
  return false;
}

export function hintOf(node: Node): 'secret' | 'guid' | undefined {
  const expr = unwrap(node);
  if (expr.type === 'invocation_expression') {
    const fn = field(expr, 'function');
    const receiver = fn?.type === 'member_access_expression' ? field(fn, 'expression') : undefined;
    if (fn && lastName(fn) === 'ToString' && receiver && isGuid(receiver)) return 'guid';
  }
  if (expr.endIndex - expr.startIndex > MAX_HINT_SEARCH) return undefined;
  const candidates = [expr, ...expr.descendantsOfType(['invocation_expression', 'element_access_expression'])];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (candidate.type === 'invocation_expression') {
      const fn = field(candidate, 'function');
      const name = fn && lastName(fn);
      if (name && SECRET_METHODS.has(name)) return 'secret';
    } else if (candidate.type === 'element_access_expression') {
      const receiver = field(candidate, 'expression');
      const name = receiver && lastName(receiver);
      if (name && SETTINGS_RECEIVERS.has(name.replace(/^_+/, '').toLowerCase())) return 'secret';
    }
  }
  return undefined;
}

export class Values {
  /** Constants naming constants: bounded, against cycles in broken code. */
  private depth = 0;

  constructor(
    private readonly symbols: SymbolTable,
    private readonly evidence: BatchEvidence,
  ) {}

  /** `ElevationLevel.Admin`, `Common.ElevationLevel.Admin`, `Models.AutoUserScope.Task` — when the enum is Batch's. */
  enumValueOf(node: Node): EnumValue | undefined {
    const expr = unwrap(node);
    if (expr.type !== 'member_access_expression') return undefined;
    const receiver = field(expr, 'expression');
    const member = field(expr, 'name');
    const segments = receiver && segmentsOf(receiver);
    if (!segments || !member || member.type !== 'identifier') return undefined;
    const enumName = segments[segments.length - 1];
    if (!ENUM_NAMES.has(enumName)) return undefined;
    // `ElevationLevel.Parse(…)` is a call, not a member.
    const parent = expr.parent;
    if (parent?.type === 'invocation_expression' && sameNode(field(parent, 'function'), expr)) return undefined;
    const evidence = this.evidence.classifySegments(segments, expr.startIndex);
    if (evidence.batch !== 'yes' || !evidence.name || !(evidence.name in CSHARP.enums)) return undefined;
    const name = evidence.name as EnumName;
    return {
      kind: 'enum',
      enum: name,
      member: member.text,
      canonical: canonicalMember(CSHARP.enums, name, member.text),
      span: spanOf(expr),
      memberSpan: spanOf(member),
      text: expr.text,
    };
  }

  valueOf(node: Node): Value {
    const span = spanOf(node);
    const text = node.text;
    const expr = unwrap(node);
    switch (expr.type) {
      case 'boolean_literal':
        return { kind: 'bool', value: expr.text === 'true', span, text };
      case 'null_literal':
        return { kind: 'null', span, text };
    }
    const number = constantNumber(expr);
    if (number !== undefined) return { kind: 'number', value: number, span, text };
    const string = constantString(expr);
    if (string !== undefined) return { kind: 'string', value: string, span, text };
    const enumValue = this.enumValueOf(expr);
    if (enumValue) return enumValue;
    if (expr.type === 'identifier') {
      const resolved = this.constantValueOf(expr);
      if (resolved) return resolved;
      const initial = this.symbols.initialValueOf(expr);
      const hint = initial && hintOf(initial);
      return hint ? { kind: 'expr', span, text, hint } : { kind: 'expr', span, text };
    }
    const hint = hintOf(expr);
    return hint ? { kind: 'expr', span, text, hint } : { kind: 'expr', span, text };
  }

  /**
   * What a name holds when it can only hold its initial value: a `const`, a `readonly` field, or a
   * local never assigned again. The value's span is where it is written.
   */
  private constantValueOf(identifier: Node): Value | undefined {
    const declaration = this.symbols.resolve(identifier);
    if (!declaration?.value || declaration.nameStart === identifier.startIndex || this.depth > 8) return undefined;
    const neverReassigned = () => !this.symbols.usesOf(declaration).some((use) => assignmentTo(use));
    if (!declaration.isConstant && (declaration.isMember || !neverReassigned())) return undefined;
    this.depth++;
    try {
      const value = this.valueOf(declaration.value);
      return value.kind === 'expr' ? undefined : value;
    } finally {
      this.depth--;
    }
  }
}

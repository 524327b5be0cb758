/**
 * Java expressions → `Value`s: literals, identity enum members, and what an expression is known to
 * be (a secret look-up, a GUID, a variable resolved elsewhere).
 */
import type { EnumName } from '../../batch/model';
import { canonicalMember, JAVA } from '../../batch/sdks';
import type { Span, Value } from '../../engine/facts';
import { field, spanOf, type Node } from '../toolkit/treeSitter';
import type { BatchEvidence } from './evidence';
import type { Declaration, SymbolTable } from './scope';
import { chainThrough } from './syntax';

export type EnumValue = Extract<Value, { kind: 'enum' }>;

/** Calls that read a secret or a setting (environment, system property, key vault). */
const SECRET_CALLS = new Set(['getenv', 'getProperty', 'getSecret']);
/** Calls that make a GUID. */
const GUID_CALLS = new Set(['randomUUID', 'nameUUIDFromBytes']);
const GUID_TYPE = 'UUID';
const INTEGER_LITERALS = new Set(['decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal']);
const FLOAT_LITERALS = new Set(['decimal_floating_point_literal', 'hex_floating_point_literal']);
const BOOLEAN_TYPE = 'Boolean';
const BOOLEAN_CONSTANTS: Record<string, boolean> = { TRUE: true, FALSE: false };

export class JavaValues {
  constructor(
    private readonly text: string,
    private readonly symbols: SymbolTable,
    private readonly evidence: BatchEvidence,
  ) {}

  /** What the adapter can tell about an expression; identifiers follow their declaration once. */
  valueOf(node: Node, followVariables = true): Value {
    const span = spanOf(node);
    const text = this.text.slice(span.start, span.end);
    switch (node.type) {
      case 'true':
      case 'false':
        return { kind: 'bool', value: node.type === 'true', span, text };
      case 'null_literal':
        return { kind: 'null', span, text };
      case 'string_literal':
        return { kind: 'string', value: decodeString(text), span, text };
      case 'unary_expression': {
        const operand = field(node, 'operand');
        const operator = field(node, 'operator')?.text ?? node.child(0)?.text;
        if (operand && operator === '-' && (INTEGER_LITERALS.has(operand.type) || FLOAT_LITERALS.has(operand.type))) {
          return { kind: 'number', value: -numberOf(operand.text), span, text };
        }
        return { kind: 'expr', span, text };
      }
      case 'field_access': {
        const asEnum = this.enumValueOf(node);
        if (asEnum) return asEnum;
        const object = field(node, 'object');
        const member = field(node, 'field')?.text ?? '';
        if (object?.type === 'identifier' && object.text === BOOLEAN_TYPE && member in BOOLEAN_CONSTANTS) {
          return { kind: 'bool', value: BOOLEAN_CONSTANTS[member], span, text };
        }
        // `this.key`, `Setup.KEY`: a field of this class, followed like a variable.
        const declaration = this.symbols.referenceDeclaration(node) ?? this.symbols.ownStaticField(node);
        return declaration && followVariables ? this.throughVariable(declaration, span, text) : { kind: 'expr', span, text };
      }
      case 'identifier': {
        if (!followVariables) return { kind: 'expr', span, text };
        const declaration = this.symbols.declarationOf(node);
        return declaration ? this.throughVariable(declaration, span, text) : { kind: 'expr', span, text };
      }
      default: {
        if (INTEGER_LITERALS.has(node.type) || FLOAT_LITERALS.has(node.type)) return { kind: 'number', value: numberOf(text), span, text };
        const hint = this.hintOf(node);
        return hint ? { kind: 'expr', span, text, hint } : { kind: 'expr', span, text };
      }
    }
  }

  /**
   * A variable's value where it is given once: its initializer, or the only assignment of a local
   * declared without one. A constant written as a literal is where the value really is, so facts
   * point at it; what else is known of it (a secret look-up, a GUID) is kept.
   */
  private throughVariable(declaration: Declaration, span: Span, text: string): Value {
    const given = declaration.valueNode ?? this.symbols.onlyAssignedValue(declaration);
    if (given) {
      const initial = this.valueOf(given, false);
      if (initial.kind === 'string' || initial.kind === 'number' || initial.kind === 'bool' || initial.kind === 'enum') return initial;
      if (initial.kind === 'expr' && initial.hint && initial.hint !== 'reference') return { kind: 'expr', span, text, hint: initial.hint };
    }
    return { kind: 'expr', span, text, hint: 'reference' };
  }

  /** `ElevationLevel.ADMIN`, `a.b.AutoUserScope.TASK` when the enum type is Batch's. */
  enumValueOf(fieldAccess: Node): EnumValue | undefined {
    const object = field(fieldAccess, 'object');
    const member = field(fieldAccess, 'field');
    if (!object || !member || member.type !== 'identifier') return undefined;
    const type = this.evidence.typeOfExpression(object);
    if (!type || !(type.name in JAVA.enums) || type.origin.batch !== 'yes') return undefined;
    const enumName = type.name as EnumName;
    const span = spanOf(fieldAccess);
    return {
      kind: 'enum',
      enum: enumName,
      member: member.text,
      canonical: canonicalMember(JAVA.enums, enumName, member.text),
      span,
      memberSpan: spanOf(member),
      text: this.text.slice(span.start, span.end),
    };
  }

  /** A secret/setting look-up or a GUID generator anywhere along a call chain. */
  private hintOf(node: Node): 'secret' | 'guid' | undefined {
    if (node.type === 'object_creation_expression')
      return this.evidence.typeOf(field(node, 'type'))?.name === GUID_TYPE ? 'guid' : undefined;
    if (node.type !== 'method_invocation') return undefined;
    const chain = chainThrough(node);
    for (const segment of chain.segments) {
      if (SECRET_CALLS.has(segment.name)) return 'secret';
      if (GUID_CALLS.has(segment.name)) return 'guid';
      for (const arg of segment.args) {
        const inner = arg.type === 'method_invocation' || arg.type === 'object_creation_expression' ? this.hintOf(arg) : undefined;
        if (inner === 'secret') return inner;
      }
    }
    const root = chain.root;
    if (root?.type === 'object_creation_expression' && this.evidence.typeOf(field(root, 'type'))?.name === GUID_TYPE) return 'guid';
    return undefined;
  }
}

function numberOf(literal: string): number {
  const clean = literal.replace(/_/g, '').replace(/[lLfFdD]$/, '');
  if (/^0[xX]/.test(clean)) return parseInt(clean.slice(2), 16);
  if (/^0[bB]/.test(clean)) return parseInt(clean.slice(2), 2);
  if (/^0[0-7]+$/.test(clean)) return parseInt(clean.slice(1), 8);
  return Number(clean);
}

/** The value of a string literal or text block (escapes decoded where JSON shares them). */
function decodeString(literal: string): string {
  if (literal.startsWith('"""')) {
    const body = literal.slice(3, -3);
    return body.startsWith('\n') ? body.slice(1) : body.startsWith('\r\n') ? body.slice(2) : body;
  }
  const inner = literal.slice(1, -1);
  try {
    return JSON.parse(`"${inner.replace(/\\'/g, "'").replace(/\\s/g, ' ')}"`) as string;
  } catch {
    return inner;
  }
}

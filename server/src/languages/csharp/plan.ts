/**
 * What the C# renderer needs for each runElevated, worked out while the syntax tree is at hand: how
 * this place of the file writes the identity types (constructors or initializers, simple or
 * qualified names, the usings to add), what removing the statement or initializer member takes,
 * and whether the value needs parentheses as a condition.
 */
import type { EnumName } from '../../batch/model';
import { CSHARP, csharpHasType, type CSharpSdk } from '../../batch/sdks';
import type { TextEdit } from '../../engine/language';
import type { Plans } from '../toolkit/plans';
import { isBlank, removalSpan, type RemovalStyle } from '../toolkit/text';
import { children, sameNode, spanOf, type Node, type Tree } from '../toolkit/treeSitter';
import type { BatchEvidence, TypeEvidence } from './evidence';
import { usingEdits, type Reach } from './imports';

/** How this file writes an identity at one place. */
export interface IdentityWriter {
  readonly construction: 'constructor' | 'initializer';
  /** Written before type names: '' with usings, else the namespace (`Microsoft.Azure.Batch.`, `Models.`). */
  readonly typePrefix: string;
  readonly enumPrefix: string;
  /** The usings the written names need, when missing. */
  readonly usings: readonly TextEdit[];
}

export interface RunElevatedPlan {
  /** How to write the replacing identity; undefined where replacing is unsafe. */
  readonly writer?: IdentityWriter;
  /** The edits that remove the statement or initializer member; undefined where removing is unsafe. */
  readonly removal?: readonly TextEdit[];
  /** The value must be parenthesised to become a condition. */
  readonly conditionNeedsParens: boolean;
}

/** Everything the renderer reads: the text, and a plan per runElevated fact. */
export interface FilePlan {
  readonly text: string;
  readonly runElevated: Plans<RunElevatedPlan>;
}

/** Expressions that bind looser than `?:` and so need parentheses as its condition. */
const LOOSE_EXPRESSIONS: ReadonlySet<string> = new Set([
  'conditional_expression',
  'assignment_expression',
  'lambda_expression',
  'anonymous_method_expression',
  'query_expression',
  'switch_expression',
  'throw_expression',
]);

/** Places where replacing `x.RunElevated = e` by `x.UserIdentity = …` keeps the code's meaning. */
const STATEMENT_LIKE: ReadonlySet<string> = new Set(['expression_statement', 'lambda_expression']);
/** Statement lists a statement can be removed from. */
const STATEMENT_LISTS: ReadonlySet<string> = new Set(['block', 'switch_section']);
/** A statement or member taken out leaves no trailing spaces behind. */
const REMOVAL: RemovalStyle = { trimSpacesBefore: true };

export class RunElevatedPlanner {
  private readonly writers = new Map<string, IdentityWriter | undefined>();

  constructor(
    private readonly text: string,
    private readonly tree: Tree,
    private readonly reach: Reach,
    private readonly evidence: BatchEvidence,
  ) {}

  /**
   * The plan for `x.RunElevated = value` (assign: `node` is the assignment) or `RunElevated = value`
   * in an object initializer (member), on an object of type `holder`, at offset `at`.
   */
  plan(form: 'assign' | 'member', node: Node, value: Node, holder: TypeEvidence, at: number): RunElevatedPlan {
    const replaceable = form === 'member' || STATEMENT_LIKE.has(node.parent?.type ?? '');
    return {
      writer: replaceable ? this.writerFor(holder, at) : undefined,
      removal: form === 'member' ? this.memberRemoval(node) : this.statementRemoval(node),
      conditionNeedsParens: LOOSE_EXPRESSIONS.has(value.type),
    };
  }

  /** How to write UserIdentity, AutoUserSpecification and the enums for an object of this type at `at`. */
  private writerFor(evidence: TypeEvidence, at: number): IdentityWriter | undefined {
    // Every fact in the same namespace block with the same kind of holder is written the same way.
    const key = `${evidence.sdk}|${evidence.name}|${evidence.qualifier}|${evidence.qualifierNamespace}|${this.reach.placeKey(at)}`;
    if (this.writers.has(key)) return this.writers.get(key);
    const writer = this.computeWriter(evidence, at);
    this.writers.set(key, writer);
    return writer;
  }

  private computeWriter(evidence: TypeEvidence, at: number): IdentityWriter | undefined {
    const sdk = this.evidence.sdkFor(evidence, at);
    if (!sdk) return undefined;
    const generation = CSHARP.generations[sdk];
    const reachable = this.reach.reachableNamespaces(at);
    const written: string[] = [
      CSHARP.write.userIdentityType,
      CSHARP.write.autoUserType,
      ...(['ElevationLevel', 'AutoUserScope'] satisfies EnumName[]),
    ];
    // Simple names would be ambiguous or shadowed: the file has its own, or another generation that has them is in reach
    // (Azure.ResourceManager.Batch, whose names are its own, shadows none).
    const conflict =
      written.some((n) => this.reach.declares(n) || this.reach.aliasAt(at, n) !== undefined) ||
      Object.entries(CSHARP.generations).some(
        ([other, g]) =>
          other !== sdk && (reachable.has(g.types) || reachable.has(g.enums)) && written.some((n) => csharpHasType(other as CSharpSdk, n)),
      );
    const qualifiedHolder = !!evidence.qualifier && !reachable.has(generation.types);
    if (!conflict && !qualifiedHolder) {
      const needed = generation.construction === 'constructor' ? [generation.types, generation.enums] : [generation.types];
      const usings = usingEdits(this.text, this.tree, this.reach, at, needed);
      return usings && { construction: generation.construction, typePrefix: '', enumPrefix: '', usings };
    }
    // Qualified names, the way the holder's type is written when it names this generation's namespace.
    const reuse = evidence.qualifier && evidence.qualifierNamespace === generation.types ? evidence.qualifier : undefined;
    const typePrefix = reuse ?? `${generation.types}.`;
    const enumPrefix =
      generation.enums === generation.types
        ? typePrefix
        : reuse && generation.enums === `${generation.types}.${CSHARP.relativeEnumNamespace}`
          ? `${reuse}${CSHARP.relativeEnumNamespace}.`
          : `${generation.enums}.`;
    return { construction: generation.construction, typePrefix, enumPrefix, usings: [] };
  }

  /** Removing `x.RunElevated = e;`: only a whole statement of a statement list (not the body of an `if`). */
  private statementRemoval(assignment: Node): TextEdit[] | undefined {
    const statement = assignment.parent;
    const list = statement?.parent;
    if (statement?.type !== 'expression_statement' || !list) return undefined;
    const target = list.type === 'global_statement' ? list : STATEMENT_LISTS.has(list.type) ? statement : undefined;
    if (!target) return undefined;
    return [{ span: removalSpan(this.text, target.startIndex, target.endIndex, REMOVAL), newText: '' }];
  }

  /** Removing `RunElevated = e` from an initializer with exactly one of the commas around it; comments stay. */
  private memberRemoval(member: Node): TextEdit[] | undefined {
    const initializer = member.parent;
    if (!initializer) return undefined;
    const tokens = children(initializer);
    const index = tokens.findIndex((t) => sameNode(t, member));
    if (index < 0) return undefined;
    const nextToken = tokens.slice(index + 1).find((t) => t.type !== 'comment');
    const previousToken = tokens
      .slice(0, index)
      .reverse()
      .find((t) => t.type !== 'comment');
    if (nextToken?.type === ',') {
      if (isBlank(this.text.slice(member.endIndex, nextToken.startIndex))) {
        return [{ span: removalSpan(this.text, member.startIndex, nextToken.endIndex, REMOVAL), newText: '' }];
      }
      return [
        { span: removalSpan(this.text, member.startIndex, member.endIndex, REMOVAL), newText: '' },
        { span: spanOf(nextToken), newText: '' },
      ];
    }
    const edits: TextEdit[] = [];
    if (previousToken?.type === ',') edits.push({ span: spanOf(previousToken), newText: '' });
    edits.push({ span: removalSpan(this.text, member.startIndex, member.endIndex, REMOVAL), newText: '' });
    return edits;
  }
}

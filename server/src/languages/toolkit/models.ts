/**
 * From a Batch identity model as written to its facts, the same in every language. A language says
 * where a model is and what each field holds (constructor arguments and initializers in C#, builder
 * calls in Java, keyword arguments in Python, properties in JSON); how fields become an identity,
 * an auto-user or a user account is decided here, once.
 */
import type { CSharpField } from '../../batch/sdks';
import type { AutoUserFact, Confidence, Holder, IdentityFact, LinuxUserFact, Span, UserAccountFact, Value } from '../../engine/facts';

/**
 * The neutral names of the identity models' fields, whatever each SDK or dialect calls them: the
 * model's own (batch/sdks.ts names them for C#, whose model shapes map property, parameter and
 * positional names onto them).
 */
export type ModelField = CSharpField;

/** The fields that hold another model (an auto-user specification, Linux or Windows settings). */
export type NestedField = Extract<ModelField, 'autoUser' | 'linux' | 'windows'>;

/** One model object as a language found it. */
export interface WrittenModel {
  /** The whole construction (a creation and its builder calls, a call, a JSON object). */
  readonly span: Span;
  /** Where hovers anchor: the type name, or the JSON key. */
  readonly nameSpan: Span;
  /** What a field holds as written; undefined when the field is not written. */
  value(field: ModelField): Value | undefined;
  /** The model a field holds, when it is written in place or reached through a variable. */
  nested(field: NestedField): WrittenModel | undefined;
  /** Where a field's own name is written, for the languages that can tell (the legacy account-level SSH key). */
  nameOf?(field: ModelField): Span | undefined;
}

/** An auto-user: its specification when written in place, else the expression that gives it. */
export function autoUserOf(identity: WrittenModel): IdentityFact['autoUser'] {
  const spec = identity.nested('autoUser');
  if (spec) {
    const fact: AutoUserFact = { span: spec.span, scope: spec.value('scope'), elevation: spec.value('elevation') };
    return fact;
  }
  const reference = identity.value('autoUser');
  return reference && { reference };
}

export function identityFact(identity: WrittenModel, holder: Holder | undefined, confidence: Confidence): IdentityFact {
  return {
    span: identity.span,
    nameSpan: identity.nameSpan,
    holder,
    userName: identity.value('userName'),
    autoUser: autoUserOf(identity),
    confidence,
  };
}

export function accountFact(account: WrittenModel, pool: UserAccountFact['pool'], confidence: Confidence): UserAccountFact {
  const linux = account.nested('linux');
  const windows = account.nested('windows');
  let linuxFact: LinuxUserFact | undefined;
  if (linux) {
    linuxFact = {
      span: linux.span,
      nameSpan: linux.nameSpan,
      uid: linux.value('uid'),
      gid: linux.value('gid'),
      sshPrivateKey: linux.value('sshPrivateKey'),
    };
  } else {
    // Service version 2017-01-01.4.0 had the SSH key on the account itself (moved under
    // linuxUserConfiguration in 2017-05-01.5.0): it is the Linux setting all the same.
    const keyName = account.nameOf?.('sshPrivateKey');
    const key = keyName && account.value('sshPrivateKey');
    if (keyName && key) linuxFact = { span: account.span, nameSpan: keyName, sshPrivateKey: key };
  }
  return {
    span: account.span,
    nameSpan: account.nameSpan,
    name: account.value('name'),
    password: account.value('password'),
    elevation: account.value('elevation'),
    linux: linuxFact,
    windows: windows && { span: windows.span, nameSpan: windows.nameSpan, loginMode: windows.value('loginMode') },
    pool,
    confidence,
  };
}

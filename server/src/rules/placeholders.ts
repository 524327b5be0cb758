/**
 * Placeholders: strings that stand for a value filled in later — by a template engine, a pipeline,
 * the shell or the reader of the documentation — rather than the value itself. The secret rules
 * (hardcoded-password, ssh-key-placeholder) judge them here, the same in every language: a C#
 * literal `"$(AdminPassword)"` is as much a placeholder as the same JSON string.
 */
import { inSample, type Facts, type Value } from '../engine/facts';

/**
 * The whole string (spaces around it aside) is one placeholder:
 *   `<secret>`, `<your password>`                documentation
 *   `[parameters('adminPassword')]`              ARM and Batch CLI template expressions (`[[` escapes a literal `[`)
 *   `${BATCH_PASSWORD}`, `$(BatchPassword)`      shell, Azure Pipelines, MSBuild
 *   `{{ password }}`, `#{BatchPassword}#`        Handlebars/Jinja/Helm, token-replacement tasks
 *   `%BATCH_PASSWORD%`                           Windows environment variables
 *   `__BatchPassword__`                          token-replacement tasks
 *   `***`                                        a masked value, as the documentation prints one
 */
const PLACEHOLDER = [
  /^<[^<>]+>$/,
  /^\[(?!\[).*\]$/s,
  /^\$\{[^{}]+\}$/,
  /^\$\([^()]+\)$/,
  /^\{\{.+\}\}$/s,
  /^#\{[^{}]+\}#$/,
  /^%[^%\s]+%$/,
  /^__\w+__$/,
  /^\*+$/,
];

export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return PLACEHOLDER.some((pattern) => pattern.test(trimmed));
}

/**
 * A secret's value as the secret rules judge it: undefined when the document is a sample (a swagger
 * example's `"password": "examplepassword"`), the value is not a string written in the source (a
 * look-up, a parameter) or it is a placeholder. A string held in a local variable or constant comes
 * resolved by the adapter, so it is judged as if written in place.
 */
export function writtenSecret(facts: Facts, value: Value | undefined): Extract<Value, { kind: 'string' }> | undefined {
  if (value?.kind !== 'string' || inSample(facts, value.span) || isPlaceholder(value.value)) return undefined;
  return value;
}

/**
 * The JSON dialect per object (issue 12): which objects of an ARM template reach a Microsoft.Batch
 * resource, through which indirection, and what that makes their casing; deployment parameters
 * files; Batch CLI application templates; swagger examples marked as sample documents; and the
 * ARM expression parser the flows are read with. The rule tables hold the findings and fixes
 * (test/unit/rules/unknownEnumMember.test.ts, runElevated/json.ts); here, the facts behind them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANY_STEP, armExpressionReads, isArmExpression } from '../../../server/src/languages/json/armExpression';
import { engine } from '../../helpers/engine';
import { armTemplate, armTemplateValue, batchPoolResource, deployment, json } from '../rules/table';

const startTask = (elevationLevel: string) => ({ commandLine: 'setup.sh', userIdentity: { autoUser: { elevationLevel } } });

/** The facts of `text` opened as `fileName`: the dialect of each enum member read (none: not checked), and the flags. */
async function factsOf(text: string, fileName = 'template.json') {
  const analysis = await engine.analyze({ uri: `file:///repo/deploy/${fileName}`, languageId: 'json', text });
  analysis.release();
  const { facts } = analysis;
  return {
    /** Each enum member checked: its text and the dialect it was checked in. */
    checked: facts.enumRefs.map((r) => [r.value.member, r.dialect, r.confidence ?? 'strong']),
    identities: facts.identities.map((i) => i.confidence),
    sampleDocument: facts.samples.length > 0,
  };
}

describe('json dialects: ARM indirection', () => {
  it('a parameter read in a Batch pool by several expressions, all of them Batch: ARM', async () => {
    const text = armTemplate({ parameters: { st: { type: 'object', defaultValue: startTask('Admin') } } }, [
      batchPoolResource({ startTask: "[parameters('st')]" }),
      batchPoolResource({ startTask: "[if(equals(parameters('account'), 'x'), parameters('st'), json('null'))]" }),
    ]);
    assert.deepEqual((await factsOf(text)).checked, [['Admin', 'arm', 'strong']]);
    assert.deepEqual((await factsOf(text)).identities, ['strong']);
  });

  it("ARM names are case-insensitive: PARAMETERS('ST') reads parameter st", async () => {
    const text = armTemplate({ parameters: { st: { type: 'object', defaultValue: startTask('Admin') } } }, [
      batchPoolResource({ startTask: "[PARAMETERS('ST')]" }),
    ]);
    assert.deepEqual((await factsOf(text)).checked, [['Admin', 'arm', 'strong']]);
  });

  it('a chain: a parameter read by a variable read by a nested deployment’s parameter read by a Batch pool', async () => {
    const text = armTemplate(
      {
        parameters: { st: { type: 'object', defaultValue: startTask('Admin') } },
        variables: { props: { vmSize: 's', startTask: "[parameters('st')]" } },
      },
      [
        deployment(
          { template: armTemplateValue({ parameters: { props: { type: 'object' } } }, [batchPoolResource("[parameters('props')]")]) },
          { props: "[variables('props')]" },
        ),
      ],
    );
    assert.deepEqual((await factsOf(text)).checked, [['Admin', 'arm', 'strong']]);
  });

  it('a parameter read by a Batch pool and by another service’s resource: Batch, but no casing checked', async () => {
    const text = armTemplate({ parameters: { st: { type: 'object', defaultValue: startTask('Admin') } } }, [
      batchPoolResource({ startTask: "[parameters('st')]" }),
      { type: 'Microsoft.Logic/workflows', name: 'w', properties: { definition: { body: "[parameters('st')]" } } },
    ]);
    assert.deepEqual(await factsOf(text), { checked: [], identities: ['strong'], sampleDocument: false });
  });

  it('another resource reading one property of the task (its command line) leaves its identity the pool’s', async () => {
    const text = armTemplate({ parameters: { st: { type: 'object', defaultValue: startTask('admin') } } }, [
      batchPoolResource({ startTask: "[parameters('st')]" }),
      { type: 'Microsoft.Resources/deploymentScripts', name: 'echo', properties: { arguments: "[parameters('st').commandLine]" } },
    ]);
    assert.deepEqual((await factsOf(text)).checked, [['admin', 'arm', 'strong']]);
  });

  it('a parameter read only by another service’s resource is not Batch’s', async () => {
    const text = armTemplate({ parameters: { st: { type: 'object', defaultValue: startTask('Admin') } } }, [
      { type: 'Microsoft.Logic/workflows', name: 'w', properties: { definition: { body: "[parameters('st')]" } } },
    ]);
    assert.deepEqual(await factsOf(text), { checked: [], identities: [], sampleDocument: false });
  });

  it('a name computed at deployment (parameters(concat(…))) may read any parameter: no casing checked', async () => {
    const text = armTemplate({ parameters: { st: { type: 'object', defaultValue: startTask('Admin') } } }, [
      batchPoolResource({ startTask: "[parameters('st')]" }),
      { type: 'Microsoft.Logic/workflows', name: 'w', properties: { body: "[parameters(concat('s', 't'))]" } },
    ]);
    assert.deepEqual((await factsOf(text)).checked, []);
  });

  it('an expression that does not parse may read anything: no casing checked', async () => {
    const text = armTemplate({ parameters: { st: { type: 'object', defaultValue: startTask('Admin') } } }, [
      batchPoolResource({ startTask: "[parameters('st')]" }),
      { type: 'Microsoft.Logic/workflows', name: 'w', properties: { body: "[parameters('st') +]" } },
    ]);
    assert.deepEqual((await factsOf(text)).checked, []);
  });

  it('an outer-scope nested template’s own variables are not what its expressions read: no casing checked', async () => {
    const text = armTemplate({}, [
      deployment({
        scope: 'outer',
        template: armTemplateValue({ variables: { st: startTask('Admin') } }, [batchPoolResource({ startTask: "[variables('st')]" })]),
      }),
    ]);
    assert.deepEqual((await factsOf(text)).checked, []);
  });

  it('an inner-scope nested template does not read the parent’s variable of the same name', async () => {
    const text = armTemplate({ variables: { st: startTask('admin') } }, [
      deployment({
        template: armTemplateValue({ variables: { st: startTask('Admin') } }, [batchPoolResource({ startTask: "[variables('st')]" })]),
      }),
    ]);
    assert.deepEqual((await factsOf(text)).checked, [['Admin', 'arm', 'strong']]);
  });

  it('documentation in a parameter (metadata) is nobody’s value', async () => {
    const text = armTemplate(
      { parameters: { st: { type: 'object', metadata: { example: startTask('admin') }, defaultValue: startTask('Admin') } } },
      [batchPoolResource({ startTask: "[parameters('st')]" })],
    );
    assert.deepEqual(await factsOf(text), { checked: [['Admin', 'arm', 'strong']], identities: ['strong'], sampleDocument: false });
  });

  it('variables that read each other in a cycle, and a chain longer than the analysis follows: no casing checked, no hang', async () => {
    const cycle = armTemplate({ variables: { a: { startTask: startTask('Admin'), next: "[variables('b')]" }, b: "[variables('a')]" } }, [
      batchPoolResource({ vmSize: 's' }),
    ]);
    assert.deepEqual((await factsOf(cycle)).checked, []);
    const chainOf = (length: number) => {
      const variables: Record<string, unknown> = { v0: { startTask: startTask('Admin') } };
      for (let i = 1; i <= length; i++) variables[`v${i}`] = `[variables('v${i - 1}')]`;
      return armTemplate({ variables }, [batchPoolResource(`[variables('v${length}')]`)]);
    };
    assert.deepEqual((await factsOf(chainOf(100))).checked, []);
    assert.deepEqual((await factsOf(chainOf(10))).checked, [['Admin', 'arm', 'strong']]);
  });
});

describe('json dialects: deployment parameters files', () => {
  const values = { startTask: { value: startTask('Admin') }, password: { reference: { keyVault: { id: 'kv' }, secretName: 'pw' } } };

  it('with the deploymentParameters schema, or contentVersion: recognised whatever the file name; no casing checked', async () => {
    for (const text of [
      json({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: values }),
      json({ contentVersion: '1.0.0.0', parameters: values }),
    ])
      assert.deepEqual(await factsOf(text, 'prod.json'), { checked: [], identities: ['weak'], sampleDocument: false });
  });

  it('the bare form ({"name": {"value": …}}, as the Azure and Batch CLIs read them) is told by its name, *.parameters.json', async () => {
    assert.deepEqual((await factsOf(json(values), 'pool.parameters.json')).checked, []);
    assert.deepEqual((await factsOf(json({ parameters: values }), 'pool.parameters.json')).checked, []);
    // Elsewhere the same text is a document of no known kind, read as REST, weakly.
    assert.deepEqual((await factsOf(json(values), 'pool.json')).checked, [['Admin', 'rest', 'weak']]);
  });
});

describe('json dialects: Batch CLI application templates', () => {
  it('templateMetadata, or parameters beside a job property reserved for templates, and no id: a Batch document (data plane)', async () => {
    const task = { commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'Admin' } } };
    for (const text of [
      json({ templateMetadata: { author: 'a' }, jobManagerTask: task }),
      json({ parameters: { a: { type: 'string' } }, jobReleaseTask: task }),
      json({ parameters: {}, taskFactory: { type: 'taskPerFile', repeatTask: task } }),
    ])
      assert.deepEqual(await factsOf(text), { checked: [['Admin', 'rest', 'strong']], identities: ['strong'], sampleDocument: false });
  });
  it('with an id it is no template (a job body of no known kind)', async () => {
    const text = json({
      id: 'j',
      parameters: {},
      jobManagerTask: { commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'Admin' } } },
    });
    assert.deepEqual((await factsOf(text)).identities, ['weak']);
  });
});

describe('json: swagger examples are sample documents', () => {
  it('a data-plane example (x-ms-examples: parameters with api-version, and responses)', async () => {
    const text = json({
      parameters: {
        batchUrl: 'account.region.batch.azure.com',
        'api-version': '2024-07-01.20.0',
        pool: { id: 'p', vmSize: 's', userAccounts: [{ name: 'u', password: 'examplepassword', elevationLevel: 'admin' }] },
      },
      responses: { '201': {} },
    });
    assert.deepEqual(await factsOf(text), { checked: [['admin', 'rest', 'strong']], identities: [], sampleDocument: true });
  });
  it('a management-plane example, in ARM casing', async () => {
    const text = json({
      parameters: {
        subscriptionId: 's',
        resourceGroupName: 'rg',
        accountName: 'a',
        poolName: 'p',
        'api-version': '2024-07-01',
        parameters: { properties: { userAccounts: [{ name: 'u', password: 'examplepassword', elevationLevel: 'Admin' }] } },
      },
      responses: { '200': { body: {} } },
    });
    assert.deepEqual(await factsOf(text), { checked: [['Admin', 'arm', 'strong']], identities: [], sampleDocument: true });
  });
  it('a REST body and an ARM template are not', async () => {
    assert.equal((await factsOf(json({ id: 'p', vmSize: 's', userAccounts: [{ name: 'u', password: 'x' }] }))).sampleDocument, false);
    assert.equal(
      (await factsOf(armTemplate({}, [batchPoolResource({ userAccounts: [{ name: 'u', password: 'x' }] })]))).sampleDocument,
      false,
    );
  });
});

describe('ARM expressions', () => {
  it('tells expressions from literals', () => {
    assert.equal(isArmExpression("[parameters('a')]"), true);
    assert.equal(isArmExpression("[[parameters('a')]"), false, '[[ escapes a literal');
    assert.equal(isArmExpression('plain'), false);
  });

  it('reads references, their property paths, and whether they stand alone', () => {
    assert.deepEqual(armExpressionReads("[parameters('pool').startTask[0]['userIdentity']]"), {
      parsed: true,
      references: [{ kind: 'parameters', name: 'pool', path: ['startTask', 0, 'userIdentity'], direct: true }],
    });
    assert.deepEqual(armExpressionReads("[variables('pools')[copyIndex()].startTask]").references, [
      { kind: 'variables', name: 'pools', path: [ANY_STEP, 'startTask'], direct: true },
    ]);
    assert.deepEqual(
      armExpressionReads("[union(Variables('base'), parameters('x').y, contoso.merge(parameters('it''s')))]").references.map((r) => [
        r.kind,
        r.name,
        r.direct,
      ]),
      [
        ['variables', 'base', false],
        ['parameters', 'x', false],
        ['parameters', "it's", false],
      ].reverse(),
    );
  });

  it('a computed name has none; text that is no expression does not parse', () => {
    assert.deepEqual(armExpressionReads("[parameters(concat('a', 'b'))]").references, [{ kind: 'parameters', path: [], direct: true }]);
    for (const broken of ["[parameters('a'", "[parameters('a)]", '[]', "[parameters('a') ]extra]", '[a b]'])
      assert.equal(armExpressionReads(broken).parsed, false, broken);
    assert.equal(armExpressionReads(`[${'f('.repeat(500)}1${')'.repeat(500)}]`).parsed, false, 'nested past the parser’s depth');
  });
});

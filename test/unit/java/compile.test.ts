/**
 * Compile checks: legacy Java fixed by the engine (and by the CLI's --fix) compiles with javac
 * against stub SDKs that have no runElevated anywhere (test/compile/java/stubs); so does code of
 * the two management SDKs, whose stubs are written from their documented API.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { compileJava, skipWithoutJavac } from '../../compile/java/javac';
import { fixAll, settingsWith } from '../../helpers/engine';

const skip = skipWithoutJavac();
const EXAMPLE = path.resolve(__dirname, '../../../examples/LegacyTasks.java');

/** Legacy inputs: each a whole file declaring class `Case` in its own package. */
const LEGACY_INPUTS: Record<string, string> = {
  chains: `import com.microsoft.azure.batch.protocol.models.CloudTask;
import com.microsoft.azure.batch.protocol.models.TaskAddParameter;

class Case {
    TaskAddParameter one = new TaskAddParameter().withId("a").withRunElevated(true);
    TaskAddParameter split = new TaskAddParameter()
            .withId("b") // the id
            // elevated for the installer
            .withRunElevated(false)
            .withCommandLine("x");

    CloudTask conditional(boolean admin, boolean other) {
        return new CloudTask().withRunElevated(admin && other).withId("c");
    }

    CloudTask ternary(boolean a, boolean b, boolean c) {
        return new CloudTask().withRunElevated(a ? b : c);
    }
}
`,
  statements: `import com.microsoft.azure.batch.protocol.models.*;

class Case {
    private final CloudTask field = new CloudTask();

    void run(CloudTask task, JobAddParameter job, Object o) {
        task.setRunElevated(true);
        task.withRunElevated(Boolean.FALSE);
        this.field.withRunElevated(true);
        job.jobManagerTask().withRunElevated(true);
        ((CloudTask) o).withRunElevated(false);
        var start = new StartTask();
        start.withRunElevated(true);
    }
}
`,
  nested: `package cases.nested;

import com.microsoft.azure.batch.protocol.models.JobAddParameter;
import com.microsoft.azure.batch.protocol.models.JobManagerTask;
import com.microsoft.azure.batch.protocol.models.JobPreparationTask;
import com.microsoft.azure.batch.protocol.models.JobReleaseTask;
import com.microsoft.azure.batch.protocol.models.PoolAddParameter;
import com.microsoft.azure.batch.protocol.models.StartTask;

class Case {
    PoolAddParameter pool = new PoolAddParameter().withStartTask(new StartTask().withCommandLine("x").withRunElevated(true));
    JobAddParameter job = new JobAddParameter()
            .withJobManagerTask(new JobManagerTask().withRunElevated(true))
            .withJobPreparationTask(new JobPreparationTask().withRunElevated(false))
            .withJobReleaseTask(new JobReleaseTask().withRunElevated(true));
}
`,
  qualified: `package cases.qualified;

class Case {
    Object task = new com.microsoft.azure.batch.protocol.models.CloudTask().withRunElevated(true);
}
`,
  subclass: `import com.microsoft.azure.batch.protocol.models.CloudTask;

class Case extends CloudTask {
    Case() {
        setRunElevated(true);
    }
}
`,
  crlf: 'import com.microsoft.azure.batch.protocol.models.StartTask;\r\n\r\nclass Case {\r\n    StartTask s = new StartTask()\r\n            .withRunElevated(true);\r\n}\r\n',
  existingIdentity: `import com.microsoft.azure.batch.protocol.models.*;

class Case {
    CloudTask agree = new CloudTask()
            .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)))
            .withRunElevated(true);

    void run(CloudTask task) {
        task.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification()));
        task.setRunElevated(false);
    }
}
`,
  identityMistakes: `import com.microsoft.azure.batch.protocol.models.*;
import java.util.ArrayList;
import java.util.List;

class Case {
    void run(TaskAddParameter taskToAdd, String adminPassword, String nonAdminPassword) {
        taskToAdd.withId("t")
                .withUserIdentity(new UserIdentity()
                    .withAutoUser(new AutoUserSpecification()
                        .withElevationLevel(ElevationLevel.ADMIN))
                        .withScope(AutoUserScope.TASK))
                .withCommandLine("cmd /c echo hello");
        List<UserAccount> userList = new ArrayList<>();
        userList.add(new UserAccount().withName("admin").withPassword(adminPassword).withElevationLevel(ElevationLevel.ADMIN));
        userList.add(new UserAccount().withName("user").withPassword(nonAdminPassword).withElevationLevel(ElevationLevel.NONADMIN));
    }
}
`,
  newSdk: `import com.azure.compute.batch.models.BatchTaskCreateContent;

class Case {
    BatchTaskCreateContent task = new BatchTaskCreateContent("t", "x").setRunElevated(true);
}
`,
};

/** Places each input in a package of its own so their classes do not collide. */
function asSource(name: string, text: string): [string, string] {
  if (text.startsWith('package ')) return [`${text.slice(8, text.indexOf(';')).replace(/\./g, '/')}/Case.java`, text];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return [`cases/${name}/Case.java`, `package cases.${name};${eol}${eol}${text}`];
}

describe('java compile check (javac against stub SDKs without runElevated)', () => {
  it('the stubs reject runElevated, so the inputs really need the fix', { skip }, () => {
    const result = compileJava(Object.fromEntries([asSource('chains', LEGACY_INPUTS.chains)]));
    assert.equal(result.ok, false);
    assert.match(result.output, /withRunElevated/);
  });

  for (const scope of ['omit', 'task'] as const) {
    it(`fix-all output compiles (fix.scope ${scope}), and a second fix-all changes nothing`, { skip }, async () => {
      const settings = settingsWith({ fix: { scope } });
      const sources: Record<string, string> = {};
      for (const [name, text] of Object.entries(LEGACY_INPUTS)) {
        const [file, source] = asSource(name, text);
        const fixed = await fixAll('java', source, { settings });
        assert.doesNotMatch(fixed, /RunElevated|NONADMIN/, `${name}:\n${fixed}`);
        assert.equal(await fixAll('java', fixed, { settings }), fixed, `${name} is not idempotent`);
        sources[file] = fixed;
      }
      const result = compileJava(sources);
      assert.ok(result.ok, `${result.output}\n${Object.values(sources).join('\n---\n')}`);
    });
  }
});

/**
 * Management-SDK inputs (com.azure.resourcemanager.batch, com.microsoft.azure.management.batch):
 * a misspelt enum member, builder calls on the wrong object and a runElevated their models never
 * had, beside the shapes the adapter follows (a pool definition, getters completing a start task
 * and a list's accounts, as the SDK's own pool test writes them).
 */
const MGMT_INPUTS: Record<string, string> = {
  resourceManager: `import com.azure.resourcemanager.batch.BatchManager;
import com.azure.resourcemanager.batch.models.*;
import java.util.Arrays;

class Case {
    Pool create(BatchManager manager, String password, String key) {
        return manager.pools()
            .define("mpi")
            .withExistingBatchAccount("rg", "account")
            .withVmSize("STANDARD_D2S_V3")
            .withDeploymentConfiguration(new DeploymentConfiguration()
                .withVirtualMachineConfiguration(new VirtualMachineConfiguration()
                    .withImageReference(new ImageReference().withPublisher("Canonical").withOffer("0001-com-ubuntu-server-jammy").withSku("22_04-lts"))
                    .withNodeAgentSkuId("batch.node.ubuntu 22.04")))
            .withUserAccounts(Arrays.asList(new UserAccount()
                .withName("mpiuser").withPassword(password).withElevationLevel(ElevationLevel.NONADMIN)
                .withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001).withGid(1001)).withSshPrivateKey(key)))
            .withStartTask(new StartTask()
                .withCommandLine("/bin/bash -c 'echo setup'")
                .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)).withScope(AutoUserScope.POOL))
                .withWaitForSuccess(true))
            .create();
    }

    StartTask ported() {
        return new StartTask().withCommandLine("setup.sh").withRunElevated(true);
    }

    UserIdentity named() {
        return new UserIdentity().withUsername("mpiuser");
    }
}
`,
  management: `import com.microsoft.azure.management.batch.AutoUserScope;
import com.microsoft.azure.management.batch.AutoUserSpecification;
import com.microsoft.azure.management.batch.BatchAccount;
import com.microsoft.azure.management.batch.CloudServiceConfiguration;
import com.microsoft.azure.management.batch.DeploymentConfiguration;
import com.microsoft.azure.management.batch.ElevationLevel;
import com.microsoft.azure.management.batch.LinuxUserConfiguration;
import com.microsoft.azure.management.batch.StartTask;
import com.microsoft.azure.management.batch.UserAccount;
import com.microsoft.azure.management.batch.UserIdentity;
import java.util.ArrayList;
import java.util.List;

class Case {
    void create(BatchAccount batchAccount, String password) {
        DeploymentConfiguration deployment = new DeploymentConfiguration();
        deployment.withCloudServiceConfiguration(new CloudServiceConfiguration());
        deployment.cloudServiceConfiguration().withOsFamily("4");

        StartTask startTask = new StartTask();
        startTask.withCommandLine("cmd /c SET")
                .withUserIdentity(new UserIdentity())
                .withWaitForSuccess(Boolean.TRUE);
        startTask.userIdentity().withAutoUser(new AutoUserSpecification());
        startTask.userIdentity().autoUser().withScope(AutoUserScope.Pool)
                .withElevationLevel(ElevationLevel.ADMIN);

        List<UserAccount> userAccounts = new ArrayList<>();
        userAccounts.add(new UserAccount());
        userAccounts.get(0).withName("username1").withPassword(password).withLinuxUserConfiguration(new LinuxUserConfiguration());
        userAccounts.get(0).linuxUserConfiguration().withUid(1234).withGid(4567);

        batchAccount.update()
                .defineNewPool("testpool")
                .withVmSize("STANDARD_D4")
                .withDeploymentConfiguration(deployment)
                .withStartTask(startTask)
                .withUserAccounts(userAccounts)
                .attach()
                .apply();
    }
}
`,
  managementImports: `import com.microsoft.azure.management.batch.StartTask;

class Case {
    StartTask setup = new StartTask().withCommandLine("setup.cmd").withRunElevated(false);

    Object named = new com.microsoft.azure.management.batch.UserIdentity().withUserName("winuser");
}
`,
};

describe('java compile check: the management SDKs (stubs written from their documented API)', () => {
  it('the stubs reject each input, so it really needs its fixes', { skip }, () => {
    for (const [name, text] of Object.entries(MGMT_INPUTS)) {
      const result = compileJava(Object.fromEntries([asSource(name, text)]));
      assert.equal(result.ok, false, name);
      assert.match(result.output, /withRunElevated|NONADMIN|AutoUserScope\.Pool/, name);
    }
  });

  it('fix-all output compiles, and a second fix-all changes nothing', { skip }, async () => {
    const sources: Record<string, string> = {};
    for (const [name, text] of Object.entries(MGMT_INPUTS)) {
      const [file, source] = asSource(name, text);
      const fixed = await fixAll('java', source);
      assert.doesNotMatch(fixed, /RunElevated|NONADMIN|AutoUserScope\.Pool\b/, `${name}:\n${fixed}`);
      assert.equal(await fixAll('java', fixed), fixed, `${name} is not idempotent`);
      sources[file] = fixed;
    }
    const result = compileJava(sources);
    assert.ok(result.ok, `${result.output}\n${Object.values(sources).join('\n---\n')}`);
  });

  it("os-mismatch's Java examples compile: the mismatch is the service's matter, not the compiler's", { skip }, () => {
    const page = fs.readFileSync(path.resolve(__dirname, '../../../docs/rules/os-mismatch.md'), 'utf8');
    const blocks = [...page.matchAll(/^```java (?:bad|good)\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    assert.ok(blocks.length >= 2, 'the page has a Java bad and good example');
    const result = compileJava(Object.fromEntries(blocks.map((text, i) => asSource(`osMismatch${i}`, text))));
    assert.ok(result.ok, result.output);
  });
});

/** `batch-identity <args>` in process, without the cache (whose default place is the checkout's node_modules). */
async function cli([command, ...rest]: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([command, '--no-cache', ...rest], {
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
}

/** 0-based (line, character) of every call named like runElevated in `text`. */
function runElevatedCalls(text: string): { line: number; character: number }[] {
  const positions: { line: number; character: number }[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/\b(?:with|set)RunElevated\(/g)) positions.push({ line: index, character: match.index ?? 0 });
  });
  return positions;
}

describe('java CLI on examples/LegacyTasks.java', () => {
  it('lists every runElevated; after --fix the file compiles with the same stubs and checks clean', { skip }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-java-cli-'));
    const file = path.join(dir, 'LegacyTasks.java');
    const original = fs.readFileSync(EXAMPLE, 'utf8');
    fs.writeFileSync(file, original);
    try {
      const listed = await cli(['check', '--format', 'json', dir]);
      assert.equal(listed.code, 1, listed.stderr);
      const [report] = JSON.parse(listed.stdout) as {
        file: string;
        diagnostics: { code: string; range: { start: { line: number; character: number } }; fixable: boolean }[];
      }[];
      const runElevated = report.diagnostics.filter((d) => d.code === 'run-elevated');
      const expected = runElevatedCalls(original);
      assert.ok(expected.length >= 7, 'the example shows every form');
      assert.deepEqual(
        runElevated.map((d) => d.range.start),
        expected,
      );
      assert.ok(runElevated.every((d) => d.fixable));

      const fixed = await cli(['check', '--fix', dir]);
      assert.equal(fixed.code, 0, `${fixed.stdout}${fixed.stderr}`);
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /RunElevated\(/);
      const result = compileJava({ 'com/contoso/batch/LegacyTasks.java': text });
      assert.ok(result.ok, `${result.output}\n${text}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

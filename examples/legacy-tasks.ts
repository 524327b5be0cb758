/**
 * Legacy Azure Batch code for Node.js (azure-batch <= 0.5.x) that still asks for runElevated.
 *
 * azure-batch 0.6.0 replaced runElevated with userIdentity (Batch service version 2017-01-01.4.0):
 * TypeScript rejects runElevated in these typed objects from then on, and 9.0.0 drops it silently
 * from untyped ones, so the tasks would run without their elevation.
 *
 * Try it:
 *     node dist/cli.js check examples/legacy-tasks.ts
 *     node dist/cli.js check --fix examples/legacy-tasks.ts
 */
import * as models from 'azure-batch/lib/models';

const POOL_ID = 'ffmpeg-pool';
const JOB_ID = 'ffmpeg-job';
// Whether the job preparation task must install system packages (it then needs admin rights).
const INSTALL_PACKAGES = process.env.INSTALL_PACKAGES !== '0';

/** Our own options: their runElevated is not Batch's, so it is left alone. */
interface RenderOptions {
  runElevated: boolean;
  frames: number;
}
const renderOptions: RenderOptions = { runElevated: false, frames: 24 };

export function createPool(): models.PoolAddParameter {
  // The start task installs ffmpeg on every node, so it must run as an administrator.
  const startTask: models.StartTask = {
    commandLine: '/bin/bash -c "apt-get update && apt-get install -y ffmpeg"',
    runElevated: true,
    waitForSuccess: true,
  };
  return {
    id: POOL_ID,
    vmSize: 'STANDARD_D2_V3',
    virtualMachineConfiguration: {
      imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      nodeAgentSKUId: 'batch.node.ubuntu 22.04',
    },
    targetDedicated: 2,
    startTask,
  };
}

export function createJob(): models.JobAddParameter {
  const job: models.JobAddParameter = {
    id: JOB_ID,
    poolInfo: { poolId: POOL_ID },
    jobManagerTask: { id: 'manager', commandLine: 'python3 manager.py', runElevated: false },
    jobPreparationTask: {
      commandLine: '/bin/bash -c "mkdir -p $AZ_BATCH_NODE_SHARED_DIR/work"',
      runElevated: INSTALL_PACKAGES,
    },
  };
  return job;
}

export function createTasks(count: number): models.TaskAddParameter[] {
  const tasks: models.TaskAddParameter[] = [];
  for (let i = 0; i < count; i++) {
    tasks.push({ id: `frame-${i}`, commandLine: `ffmpeg -i input.mp4 -vf select=eq(n\\,${i}) frame-${i}.png`, runElevated: false });
  }
  return tasks;
}

export const frames = renderOptions.frames;

// Legacy Azure Batch code for Node.js (azure-batch <= 0.5.x) that still asks for runElevated.
//
// azure-batch 0.6.0 replaced runElevated with userIdentity (Batch service version 2017-01-01.4.0);
// 9.0.0 drops runElevated without a word when it sends the request, so these tasks would run
// without their elevation.
//
// Try it:
//     node dist/cli.js check examples/legacy-tasks.js
//     node dist/cli.js check --fix examples/legacy-tasks.js
'use strict';

const batch = require('azure-batch');

const credentials = new batch.SharedKeyCredentials(process.env.BATCH_ACCOUNT, process.env.BATCH_KEY);
const client = new batch.ServiceClient(credentials, process.env.BATCH_URL);

// Our own helper: its runElevated option is not Batch's, so it is left alone.
function logTask(taskId, options = { runElevated: false }) {
  console.log(`${taskId} elevated=${options.runElevated}`);
}

async function submit(jobId) {
  await client.task.add(jobId, {
    id: 'install',
    commandLine: '/bin/bash -c "apt-get install -y ffmpeg"',
    runElevated: true,
  });
  const frames = [];
  for (let i = 0; i < 4; i++) {
    frames.push({ id: `frame-${i}`, commandLine: `render ${i}`, runElevated: false });
  }
  await client.task.addCollection(jobId, frames);
  await client.task.addCollection(jobId, [
    { id: 'merge', commandLine: 'merge.sh', runElevated: false },
    { id: 'cleanup', commandLine: 'cleanup.sh', runElevated: true },
  ]);
  logTask('merge');
}

module.exports = { submit };

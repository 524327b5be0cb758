// A Batch client written for Microsoft.Azure.Batch 5.x (REST 2016-07-01.3.1), before runElevated
// was replaced by user identities. From 6.0 the SDK has no RunElevated and this file no longer
// compiles: each task's elevation has to become a user identity. Try:
//   node dist/cli.js check examples/LegacyTasks.cs
//   node dist/cli.js check --fix examples/LegacyTasks.cs
using System;
using System.Collections.Generic;
using Microsoft.Azure.Batch;
using Microsoft.Azure.Batch.Auth;

namespace Contoso.Rendering
{
    /// <summary>Command-line options. Their own RunElevated is not Batch's, and stays.</summary>
    public class RenderOptions
    {
        public bool RunElevated { get; set; }
        public string PoolId { get; set; } = "render-pool";
    }

    public static class LegacyTasks
    {
        public static void Submit(RenderOptions options)
        {
            var credentials = new BatchSharedKeyCredentials(
                Environment.GetEnvironmentVariable("BATCH_URL"),
                Environment.GetEnvironmentVariable("BATCH_ACCOUNT"),
                Environment.GetEnvironmentVariable("BATCH_KEY"));

            using (BatchClient batchClient = BatchClient.Open(credentials))
            {
                CloudPool pool = batchClient.PoolOperations.CreatePool(options.PoolId, "standard_d2s_v3", 2);
                // Installs the renderer: needs administrator rights on every node.
                pool.StartTask = new StartTask
                {
                    CommandLine = "cmd /c install-renderer.cmd",
                    RunElevated = true,
                    WaitForSuccess = true,
                };
                pool.Commit();

                CloudJob job = batchClient.JobOperations.CreateJob("render-job", new PoolInformation { PoolId = options.PoolId });
                job.JobPreparationTask = new JobPreparationTask("cmd /c fetch-assets.cmd") { RunElevated = false };
                job.JobReleaseTask = new JobReleaseTask("cmd /c cleanup.cmd");
                job.JobReleaseTask.RunElevated = true;
                job.JobManagerTask = new JobManagerTask("manager", "cmd /c manager.exe");
                job.JobManagerTask.RunElevated = options.RunElevated;
                job.Commit();

                var tasks = new List<CloudTask>();
                for (int frame = 0; frame < 10; frame++)
                {
                    CloudTask task = new CloudTask("frame-" + frame, "cmd /c render.exe " + frame);
                    task.RunElevated = frame == 0; // the first frame warms the shared cache
                    tasks.Add(task);
                }
                CloudTask merge = new CloudTask("merge", "cmd /c merge.exe");
                merge.RunElevated = false;
                tasks.Add(merge);
                batchClient.JobOperations.AddTask(job.Id, tasks);
            }
        }
    }
}

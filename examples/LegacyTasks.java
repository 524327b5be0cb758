package com.contoso.batch;

import com.microsoft.azure.batch.protocol.models.CloudTask;
import com.microsoft.azure.batch.protocol.models.JobAddParameter;
import com.microsoft.azure.batch.protocol.models.JobManagerTask;
import com.microsoft.azure.batch.protocol.models.JobPreparationTask;
import com.microsoft.azure.batch.protocol.models.JobReleaseTask;
import com.microsoft.azure.batch.protocol.models.PoolAddParameter;
import com.microsoft.azure.batch.protocol.models.StartTask;
import com.microsoft.azure.batch.protocol.models.TaskAddParameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Tasks written for azure-batch 1.0.0-beta2 (Batch service 2016-07-01.3.1), before runElevated was
 * removed. `batch-identity check examples/` lists every runElevated; `--fix` rewrites each one to
 * the user identity with the same elevation.
 */
public final class LegacyTasks {
    private LegacyTasks() {
    }

    /** The installer writes to Program Files, so it needs administrator rights. */
    public static TaskAddParameter installTask(String id) {
        return new TaskAddParameter()
                .withId(id)
                .withCommandLine("cmd /c install.cmd")
                // runs the vendor's MSI
                .withRunElevated(true);
    }

    /** Only the first task of the job is elevated. */
    public static List<TaskAddParameter> workTasks(int count) {
        List<TaskAddParameter> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean first = i == 0;
            tasks.add(new TaskAddParameter().withId("work-" + i).withCommandLine("cmd /c work.cmd").withRunElevated(first));
        }
        return tasks;
    }

    /** Every node installs ffmpeg before it takes tasks. */
    public static PoolAddParameter pool(String poolId) {
        StartTask startTask = new StartTask()
                .withCommandLine("/bin/sh -c 'apt-get install -y ffmpeg'")
                .withWaitForSuccess(true)
                .withRunElevated(true);
        return new PoolAddParameter().withId(poolId).withVmSize("STANDARD_D2_V3").withStartTask(startTask);
    }

    public static JobAddParameter job(String jobId) {
        return new JobAddParameter()
                .withId(jobId)
                .withJobManagerTask(new JobManagerTask().withId("manager").withCommandLine("manager.exe").withRunElevated(false))
                .withJobPreparationTask(new JobPreparationTask().withCommandLine("prepare.cmd").withRunElevated(true))
                .withJobReleaseTask(new JobReleaseTask()
                        .withCommandLine("cleanup.cmd")
                        .withRunElevated(true));
    }

    /** The SDK before 1.0.0-beta1 had a plain setter. */
    public static void elevate(CloudTask task, boolean elevated) {
        task.setRunElevated(elevated);
    }
}

package com.microsoft.azure.batch.protocol.models;

/** Stub. */
public class JobAddParameter {
    private JobManagerTask jobManagerTask;

    public JobAddParameter withId(String id) { return this; }

    public JobAddParameter withJobManagerTask(JobManagerTask jobManagerTask) {
        this.jobManagerTask = jobManagerTask;
        return this;
    }

    public JobManagerTask jobManagerTask() { return jobManagerTask; }

    public JobAddParameter withJobPreparationTask(JobPreparationTask jobPreparationTask) { return this; }

    public JobAddParameter withJobReleaseTask(JobReleaseTask jobReleaseTask) { return this; }
}

package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class StartTask {
    private String commandLine;
    private UserIdentity userIdentity;
    private Boolean waitForSuccess;
    private Integer maxTaskRetryCount;

    public StartTask withCommandLine(String commandLine) {
        this.commandLine = commandLine;
        return this;
    }

    public String commandLine() { return commandLine; }

    public StartTask withUserIdentity(UserIdentity userIdentity) {
        this.userIdentity = userIdentity;
        return this;
    }

    public UserIdentity userIdentity() { return userIdentity; }

    public StartTask withWaitForSuccess(Boolean waitForSuccess) {
        this.waitForSuccess = waitForSuccess;
        return this;
    }

    public Boolean waitForSuccess() { return waitForSuccess; }

    public StartTask withMaxTaskRetryCount(Integer maxTaskRetryCount) {
        this.maxTaskRetryCount = maxTaskRetryCount;
        return this;
    }

    public Integer maxTaskRetryCount() { return maxTaskRetryCount; }
}

package com.microsoft.azure.batch.protocol.models;

import java.util.List;

/** Stub. */
public class PoolAddParameter {
    private StartTask startTask;

    public PoolAddParameter withId(String id) { return this; }

    public PoolAddParameter withVmSize(String vmSize) { return this; }

    public PoolAddParameter withStartTask(StartTask startTask) {
        this.startTask = startTask;
        return this;
    }

    public StartTask startTask() { return startTask; }

    public PoolAddParameter withUserAccounts(List<UserAccount> userAccounts) { return this; }
}

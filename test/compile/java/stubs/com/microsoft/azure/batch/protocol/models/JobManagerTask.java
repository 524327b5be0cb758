package com.microsoft.azure.batch.protocol.models;

/** Stub of the legacy SDK (>= 1.0.0, REST 2017-01-01.4.0+): a user identity, no runElevated. */
public class JobManagerTask {
    private UserIdentity userIdentity;
    public JobManagerTask withId(String id) { return this; }

    public JobManagerTask withCommandLine(String commandLine) { return this; }

    public JobManagerTask withUserIdentity(UserIdentity userIdentity) {
        this.userIdentity = userIdentity;
        return this;
    }

    public UserIdentity userIdentity() { return userIdentity; }
}

package com.microsoft.azure.batch.protocol.models;

/** Stub of the legacy SDK (>= 1.0.0, REST 2017-01-01.4.0+): a user identity, no runElevated. */
public class TaskAddParameter {
    private UserIdentity userIdentity;
    public TaskAddParameter withId(String id) { return this; }

    public TaskAddParameter withCommandLine(String commandLine) { return this; }

    public TaskAddParameter withUserIdentity(UserIdentity userIdentity) {
        this.userIdentity = userIdentity;
        return this;
    }

    public UserIdentity userIdentity() { return userIdentity; }
}

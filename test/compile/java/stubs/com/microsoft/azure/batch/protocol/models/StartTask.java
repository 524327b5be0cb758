package com.microsoft.azure.batch.protocol.models;

/** Stub of the legacy SDK (>= 1.0.0, REST 2017-01-01.4.0+): a user identity, no runElevated. */
public class StartTask {
    private UserIdentity userIdentity;
    public StartTask withWaitForSuccess(Boolean waitForSuccess) { return this; }

    public StartTask withCommandLine(String commandLine) { return this; }

    public StartTask withUserIdentity(UserIdentity userIdentity) {
        this.userIdentity = userIdentity;
        return this;
    }

    public UserIdentity userIdentity() { return userIdentity; }
}

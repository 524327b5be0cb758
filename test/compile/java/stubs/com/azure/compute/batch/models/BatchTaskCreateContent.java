package com.azure.compute.batch.models;

/** Stub of com.azure.compute.batch (1.0.0): bean-style setters, no runElevated. */
public final class BatchTaskCreateContent {
    private UserIdentity userIdentity;

    public BatchTaskCreateContent(String id, String commandLine) {
    }

    public BatchTaskCreateContent setUserIdentity(UserIdentity userIdentity) {
        this.userIdentity = userIdentity;
        return this;
    }

    public UserIdentity getUserIdentity() { return userIdentity; }
}

package com.azure.compute.batch.models;

/** Stub. */
public final class UserIdentity {
    public UserIdentity setUsername(String username) { return this; }

    public UserIdentity setAutoUser(AutoUserSpecification autoUser) { return this; }
}

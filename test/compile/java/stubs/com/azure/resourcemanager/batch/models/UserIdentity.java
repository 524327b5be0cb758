package com.azure.resourcemanager.batch.models;

/** Stub: exactly one of username and autoUser; written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class UserIdentity {
    private String username;
    private AutoUserSpecification autoUser;

    public UserIdentity withUsername(String username) {
        this.username = username;
        return this;
    }

    public String username() { return username; }

    public UserIdentity withAutoUser(AutoUserSpecification autoUser) {
        this.autoUser = autoUser;
        return this;
    }

    public AutoUserSpecification autoUser() { return autoUser; }
}

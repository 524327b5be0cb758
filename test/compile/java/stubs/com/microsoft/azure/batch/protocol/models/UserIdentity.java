package com.microsoft.azure.batch.protocol.models;

/** Stub: exactly one of userName and autoUser. */
public class UserIdentity {
    private String userName;
    private AutoUserSpecification autoUser;

    public UserIdentity withUserName(String userName) {
        this.userName = userName;
        return this;
    }

    public UserIdentity withAutoUser(AutoUserSpecification autoUser) {
        this.autoUser = autoUser;
        return this;
    }

    public String userName() { return userName; }

    public AutoUserSpecification autoUser() { return autoUser; }
}

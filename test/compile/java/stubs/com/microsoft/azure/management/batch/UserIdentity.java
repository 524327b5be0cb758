package com.microsoft.azure.management.batch;

/** Stub: exactly one of userName and autoUser; written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public final class UserIdentity {
    private String userName;
    private AutoUserSpecification autoUser;

    public UserIdentity withUserName(String userName) {
        this.userName = userName;
        return this;
    }

    public String userName() { return userName; }

    public UserIdentity withAutoUser(AutoUserSpecification autoUser) {
        this.autoUser = autoUser;
        return this;
    }

    public AutoUserSpecification autoUser() { return autoUser; }
}

package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class WindowsUserConfiguration {
    private LoginMode loginMode;

    public WindowsUserConfiguration withLoginMode(LoginMode loginMode) {
        this.loginMode = loginMode;
        return this;
    }

    public LoginMode loginMode() { return loginMode; }
}

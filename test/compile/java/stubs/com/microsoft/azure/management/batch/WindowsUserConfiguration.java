package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public final class WindowsUserConfiguration {
    private LoginMode loginMode;

    public WindowsUserConfiguration withLoginMode(LoginMode loginMode) {
        this.loginMode = loginMode;
        return this;
    }

    public LoginMode loginMode() { return loginMode; }
}

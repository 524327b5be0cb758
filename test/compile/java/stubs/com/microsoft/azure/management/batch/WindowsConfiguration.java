package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public final class WindowsConfiguration {
    private Boolean enableAutomaticUpdates;

    public WindowsConfiguration withEnableAutomaticUpdates(Boolean enableAutomaticUpdates) {
        this.enableAutomaticUpdates = enableAutomaticUpdates;
        return this;
    }

    public Boolean enableAutomaticUpdates() { return enableAutomaticUpdates; }
}

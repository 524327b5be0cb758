package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class WindowsConfiguration {
    private Boolean enableAutomaticUpdates;

    public WindowsConfiguration withEnableAutomaticUpdates(Boolean enableAutomaticUpdates) {
        this.enableAutomaticUpdates = enableAutomaticUpdates;
        return this;
    }

    public Boolean enableAutomaticUpdates() { return enableAutomaticUpdates; }
}

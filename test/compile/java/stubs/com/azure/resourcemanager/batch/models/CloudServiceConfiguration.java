package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class CloudServiceConfiguration {
    private String osFamily;
    private String osVersion;

    public CloudServiceConfiguration withOsFamily(String osFamily) {
        this.osFamily = osFamily;
        return this;
    }

    public String osFamily() { return osFamily; }

    public CloudServiceConfiguration withOsVersion(String osVersion) {
        this.osVersion = osVersion;
        return this;
    }

    public String osVersion() { return osVersion; }
}

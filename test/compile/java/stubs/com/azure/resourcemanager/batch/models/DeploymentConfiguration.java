package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class DeploymentConfiguration {
    private CloudServiceConfiguration cloudServiceConfiguration;
    private VirtualMachineConfiguration virtualMachineConfiguration;

    public DeploymentConfiguration withCloudServiceConfiguration(CloudServiceConfiguration cloudServiceConfiguration) {
        this.cloudServiceConfiguration = cloudServiceConfiguration;
        return this;
    }

    public CloudServiceConfiguration cloudServiceConfiguration() { return cloudServiceConfiguration; }

    public DeploymentConfiguration withVirtualMachineConfiguration(VirtualMachineConfiguration virtualMachineConfiguration) {
        this.virtualMachineConfiguration = virtualMachineConfiguration;
        return this;
    }

    public VirtualMachineConfiguration virtualMachineConfiguration() { return virtualMachineConfiguration; }
}

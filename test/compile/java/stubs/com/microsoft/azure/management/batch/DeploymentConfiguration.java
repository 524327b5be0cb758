package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
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

package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class VirtualMachineConfiguration {
    private ImageReference imageReference;
    private String nodeAgentSkuId;
    private WindowsConfiguration windowsConfiguration;

    public VirtualMachineConfiguration withImageReference(ImageReference imageReference) {
        this.imageReference = imageReference;
        return this;
    }

    public ImageReference imageReference() { return imageReference; }

    public VirtualMachineConfiguration withNodeAgentSkuId(String nodeAgentSkuId) {
        this.nodeAgentSkuId = nodeAgentSkuId;
        return this;
    }

    public String nodeAgentSkuId() { return nodeAgentSkuId; }

    public VirtualMachineConfiguration withWindowsConfiguration(WindowsConfiguration windowsConfiguration) {
        this.windowsConfiguration = windowsConfiguration;
        return this;
    }

    public WindowsConfiguration windowsConfiguration() { return windowsConfiguration; }
}

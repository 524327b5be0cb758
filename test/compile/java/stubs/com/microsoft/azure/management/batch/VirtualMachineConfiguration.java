package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
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

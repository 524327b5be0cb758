package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public enum LoginMode {
    BATCH("Batch"),
    INTERACTIVE("Interactive");

    private final String value;

    LoginMode(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

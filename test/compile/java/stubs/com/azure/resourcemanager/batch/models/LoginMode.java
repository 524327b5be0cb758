package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public enum LoginMode {
    BATCH("Batch"),
    INTERACTIVE("Interactive");

    private final String value;

    LoginMode(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

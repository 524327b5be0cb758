package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public enum AutoUserScope {
    TASK("Task"),
    POOL("Pool");

    private final String value;

    AutoUserScope(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

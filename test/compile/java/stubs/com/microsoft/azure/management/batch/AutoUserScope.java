package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public enum AutoUserScope {
    TASK("Task"),
    POOL("Pool");

    private final String value;

    AutoUserScope(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

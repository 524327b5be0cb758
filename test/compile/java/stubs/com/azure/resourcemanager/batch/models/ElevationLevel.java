package com.azure.resourcemanager.batch.models;

/** Stub: NON_ADMIN (there is no NONADMIN) and ADMIN, the ARM casing as values; written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public enum ElevationLevel {
    NON_ADMIN("NonAdmin"),
    ADMIN("Admin");

    private final String value;

    ElevationLevel(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

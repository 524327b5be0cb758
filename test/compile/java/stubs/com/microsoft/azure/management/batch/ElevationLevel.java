package com.microsoft.azure.management.batch;

/** Stub: NON_ADMIN (there is no NONADMIN) and ADMIN, the ARM casing as values; written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public enum ElevationLevel {
    NON_ADMIN("NonAdmin"),
    ADMIN("Admin");

    private final String value;

    ElevationLevel(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

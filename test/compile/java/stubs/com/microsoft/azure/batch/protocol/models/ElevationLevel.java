package com.microsoft.azure.batch.protocol.models;

/** Stub: NON_ADMIN (there is no NONADMIN) and ADMIN. */
public enum ElevationLevel {
    NON_ADMIN("nonadmin"),
    ADMIN("admin");

    private final String value;

    ElevationLevel(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

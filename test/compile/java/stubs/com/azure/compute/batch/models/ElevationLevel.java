package com.azure.compute.batch.models;

/** Stub of the expandable string enum: NON_ADMIN and ADMIN. */
public final class ElevationLevel {
    public static final ElevationLevel NON_ADMIN = new ElevationLevel("nonadmin");
    public static final ElevationLevel ADMIN = new ElevationLevel("admin");

    private final String value;

    private ElevationLevel(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

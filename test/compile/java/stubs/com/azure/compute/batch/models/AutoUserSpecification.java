package com.azure.compute.batch.models;

/** Stub. */
public final class AutoUserSpecification {
    public AutoUserSpecification setScope(AutoUserScope scope) { return this; }

    public AutoUserSpecification setElevationLevel(ElevationLevel elevationLevel) { return this; }
}

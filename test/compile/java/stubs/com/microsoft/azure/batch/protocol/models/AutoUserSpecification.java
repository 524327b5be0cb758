package com.microsoft.azure.batch.protocol.models;

/** Stub: scope and elevation level, nothing else. */
public class AutoUserSpecification {
    private AutoUserScope scope;
    private ElevationLevel elevationLevel;

    public AutoUserSpecification withScope(AutoUserScope scope) {
        this.scope = scope;
        return this;
    }

    public AutoUserSpecification withElevationLevel(ElevationLevel elevationLevel) {
        this.elevationLevel = elevationLevel;
        return this;
    }

    public AutoUserScope scope() { return scope; }

    public ElevationLevel elevationLevel() { return elevationLevel; }
}

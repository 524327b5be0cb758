package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public final class AutoUserSpecification {
    private AutoUserScope scope;
    private ElevationLevel elevationLevel;

    public AutoUserSpecification withScope(AutoUserScope scope) {
        this.scope = scope;
        return this;
    }

    public AutoUserScope scope() { return scope; }

    public AutoUserSpecification withElevationLevel(ElevationLevel elevationLevel) {
        this.elevationLevel = elevationLevel;
        return this;
    }

    public ElevationLevel elevationLevel() { return elevationLevel; }
}

package com.azure.compute.batch.models;

/** Stub of the expandable string enum. */
public final class AutoUserScope {
    public static final AutoUserScope TASK = new AutoUserScope("task");
    public static final AutoUserScope POOL = new AutoUserScope("pool");

    private final String value;

    private AutoUserScope(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

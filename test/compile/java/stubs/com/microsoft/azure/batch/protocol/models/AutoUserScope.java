package com.microsoft.azure.batch.protocol.models;

/** Stub. */
public enum AutoUserScope {
    TASK("task"),
    POOL("pool");

    private final String value;

    AutoUserScope(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

package com.microsoft.azure.batch.protocol.models;

/** Stub. */
public enum LoginMode {
    BATCH("batch"),
    INTERACTIVE("interactive");

    private final String value;

    LoginMode(String value) { this.value = value; }

    @Override
    public String toString() { return value; }
}

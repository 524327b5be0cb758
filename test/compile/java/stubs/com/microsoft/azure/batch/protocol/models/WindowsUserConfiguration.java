package com.microsoft.azure.batch.protocol.models;

/** Stub. */
public class WindowsUserConfiguration {
    public WindowsUserConfiguration withLoginMode(LoginMode loginMode) { return this; }
}

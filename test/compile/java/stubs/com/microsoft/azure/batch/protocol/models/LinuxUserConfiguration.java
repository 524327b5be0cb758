package com.microsoft.azure.batch.protocol.models;

/** Stub. */
public class LinuxUserConfiguration {
    public LinuxUserConfiguration withUid(Integer uid) { return this; }

    public LinuxUserConfiguration withGid(Integer gid) { return this; }

    public LinuxUserConfiguration withSshPrivateKey(String sshPrivateKey) { return this; }
}

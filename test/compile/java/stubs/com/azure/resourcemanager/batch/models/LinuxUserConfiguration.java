package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch (no runElevated anywhere). */
public final class LinuxUserConfiguration {
    private Integer uid;
    private Integer gid;
    private String sshPrivateKey;

    public LinuxUserConfiguration withUid(Integer uid) {
        this.uid = uid;
        return this;
    }

    public Integer uid() { return uid; }

    public LinuxUserConfiguration withGid(Integer gid) {
        this.gid = gid;
        return this;
    }

    public Integer gid() { return gid; }

    public LinuxUserConfiguration withSshPrivateKey(String sshPrivateKey) {
        this.sshPrivateKey = sshPrivateKey;
        return this;
    }

    public String sshPrivateKey() { return sshPrivateKey; }
}

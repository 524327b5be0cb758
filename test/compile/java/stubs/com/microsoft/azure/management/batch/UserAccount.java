package com.microsoft.azure.management.batch;

/** Stub: a no-argument constructor and fluent setters; the SSH key is on LinuxUserConfiguration only; written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (no runElevated anywhere). */
public final class UserAccount {
    private String name;
    private String password;
    private ElevationLevel elevationLevel;
    private LinuxUserConfiguration linuxUserConfiguration;
    private WindowsUserConfiguration windowsUserConfiguration;

    public UserAccount withName(String name) {
        this.name = name;
        return this;
    }

    public String name() { return name; }

    public UserAccount withPassword(String password) {
        this.password = password;
        return this;
    }

    public String password() { return password; }

    public UserAccount withElevationLevel(ElevationLevel elevationLevel) {
        this.elevationLevel = elevationLevel;
        return this;
    }

    public ElevationLevel elevationLevel() { return elevationLevel; }

    public UserAccount withLinuxUserConfiguration(LinuxUserConfiguration linuxUserConfiguration) {
        this.linuxUserConfiguration = linuxUserConfiguration;
        return this;
    }

    public LinuxUserConfiguration linuxUserConfiguration() { return linuxUserConfiguration; }

    public UserAccount withWindowsUserConfiguration(WindowsUserConfiguration windowsUserConfiguration) {
        this.windowsUserConfiguration = windowsUserConfiguration;
        return this;
    }

    public WindowsUserConfiguration windowsUserConfiguration() { return windowsUserConfiguration; }
}

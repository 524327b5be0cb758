package com.microsoft.azure.batch.protocol.models;

/** Stub (>= 5.0: Linux and Windows settings in their own classes). */
public class UserAccount {
    public UserAccount withName(String name) { return this; }

    public UserAccount withPassword(String password) { return this; }

    public UserAccount withElevationLevel(ElevationLevel elevationLevel) { return this; }

    public UserAccount withLinuxUserConfiguration(LinuxUserConfiguration linuxUserConfiguration) { return this; }

    public UserAccount withWindowsUserConfiguration(WindowsUserConfiguration windowsUserConfiguration) { return this; }
}

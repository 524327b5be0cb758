package com.azure.compute.batch.models;

/** Stub: name and password through the constructor. */
public final class UserAccount {
    public UserAccount(String name, String password) {
    }

    public UserAccount setElevationLevel(ElevationLevel elevationLevel) { return this; }
}

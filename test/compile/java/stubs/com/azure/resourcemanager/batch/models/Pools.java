package com.azure.resourcemanager.batch.models;

/** Stub: written from the documented API (`pools().define(name)`). */
public interface Pools {
    Pool.DefinitionStages.Blank define(String name);
}

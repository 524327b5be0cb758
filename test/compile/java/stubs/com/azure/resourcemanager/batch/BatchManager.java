package com.azure.resourcemanager.batch;

import com.azure.resourcemanager.batch.models.Pools;

/** Stub: the entry point of Azure/azure-sdk-for-java sdk/batch/azure-resourcemanager-batch, its pools only. */
public final class BatchManager {
    public Pools pools() { return null; }
}

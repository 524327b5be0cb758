package com.microsoft.azure.management.batch;

/** Stub: written from the documented API of Azure/azure-libraries-for-java azure-mgmt-batch (`update().defineNewPool(id)…attach().apply()`). */
public interface BatchAccount {
    Update update();

    interface Update {
        Pool.UpdateDefinitionStages.Blank<Update> defineNewPool(String poolId);

        BatchAccount apply();
    }
}

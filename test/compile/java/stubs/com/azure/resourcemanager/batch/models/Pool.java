package com.azure.resourcemanager.batch.models;

import java.util.List;

/** Stub: the pool resource and the definition stages it is created through (`define(name)` → `withExistingBatchAccount` → `WithCreate` → `create()`). */
public interface Pool {
    StartTask startTask();

    List<UserAccount> userAccounts();

    DeploymentConfiguration deploymentConfiguration();

    interface DefinitionStages {
        interface Blank {
            WithCreate withExistingBatchAccount(String resourceGroupName, String accountName);
        }

        interface WithCreate {
            WithCreate withVmSize(String vmSize);

            WithCreate withDeploymentConfiguration(DeploymentConfiguration deploymentConfiguration);

            WithCreate withUserAccounts(List<UserAccount> userAccounts);

            WithCreate withStartTask(StartTask startTask);

            Pool create();
        }
    }
}

package com.microsoft.azure.management.batch;

import java.util.List;

/** Stub: a pool of a Batch account and the stages that define it as part of the account's update. */
public interface Pool {
    StartTask startTask();

    List<UserAccount> userAccounts();

    DeploymentConfiguration deploymentConfiguration();

    interface UpdateDefinitionStages {
        interface Blank<ParentT> extends WithAttach<ParentT> {
        }

        interface WithAttach<ParentT> {
            WithAttach<ParentT> withDisplayName(String displayName);

            WithAttach<ParentT> withVmSize(String vmSize);

            WithAttach<ParentT> withDeploymentConfiguration(DeploymentConfiguration deploymentConfiguration);

            WithAttach<ParentT> withStartTask(StartTask startTask);

            WithAttach<ParentT> withUserAccounts(List<UserAccount> userAccounts);

            ParentT attach();
        }
    }
}

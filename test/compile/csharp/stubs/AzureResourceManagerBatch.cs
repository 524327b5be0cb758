// Stub of Azure.ResourceManager.Batch (the management-plane SDK, 1.x), written from its documented
// API: api/Azure.ResourceManager.Batch.netstandard2.0.cs and src/Generated/Models of
// Azure/azure-sdk-for-net (/work/notes/management-sdks.md §1). Only what the tests touch: the pool
// data, its start task, user identities and accounts, the enums, and the deployment configuration.
// Names, constructor parameters and which properties are get-only are the SDK's; there is no
// RunElevated (ARM never had it), no UserIdentity/UserAccount without the Batch prefix, no public
// WindowsUserConfiguration on an account (WindowsUserLoginMode instead), and UserAccounts has no setter.
using System;
using System.Collections.Generic;
using Azure.ResourceManager.Batch.Models;

namespace Azure
{
    public enum WaitUntil { Completed, Started }
}

namespace Azure.ResourceManager.Batch.Models
{
    public enum BatchUserAccountElevationLevel { NonAdmin = 0, Admin = 1 }
    public enum BatchAutoUserScope { Task = 0, Pool = 1 }
    public enum BatchWindowsLoginMode { Batch = 0, Interactive = 1 }

    public partial class BatchAutoUserSpecification
    {
        public BatchAutoUserSpecification() { }
        public BatchAutoUserScope? Scope { get; set; }
        public BatchUserAccountElevationLevel? ElevationLevel { get; set; }
    }

    public partial class BatchUserIdentity
    {
        public BatchUserIdentity() { }
        public string UserName { get; set; }
        public BatchAutoUserSpecification AutoUser { get; set; }
    }

    public partial class BatchLinuxUserConfiguration
    {
        public BatchLinuxUserConfiguration() { }
        public int? Uid { get; set; }
        public int? Gid { get; set; }
        public string SshPrivateKey { get; set; }
    }

    public partial class BatchUserAccount
    {
        public BatchUserAccount(string name, string password)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            if (password == null) throw new ArgumentNullException(nameof(password));
            Name = name;
            Password = password;
        }
        public string Name { get; set; }
        public string Password { get; set; }
        public BatchUserAccountElevationLevel? ElevationLevel { get; set; }
        public BatchLinuxUserConfiguration LinuxUserConfiguration { get; set; }
        public BatchWindowsLoginMode? WindowsUserLoginMode { get; set; }
    }

    public partial class BatchAccountPoolStartTask
    {
        public BatchAccountPoolStartTask() { }
        public string CommandLine { get; set; }
        public BatchUserIdentity UserIdentity { get; set; }
        public int? MaxTaskRetryCount { get; set; }
        public bool? WaitForSuccess { get; set; }
    }

    public partial class BatchImageReference
    {
        public BatchImageReference() { }
        public string Publisher { get; set; }
        public string Offer { get; set; }
        public string Sku { get; set; }
        public string Version { get; set; }
    }

    public partial class BatchVmConfiguration
    {
        public BatchVmConfiguration(BatchImageReference imageReference, string nodeAgentSkuId)
        {
            ImageReference = imageReference;
            NodeAgentSkuId = nodeAgentSkuId;
        }
        public BatchImageReference ImageReference { get; set; }
        public string NodeAgentSkuId { get; set; }
        /// Flattened from the (internal) windowsConfiguration: setting it creates one.
        public bool? IsAutomaticUpdateEnabled { get; set; }
    }

    public partial class BatchCloudServiceConfiguration
    {
        public BatchCloudServiceConfiguration(string osFamily) { OSFamily = osFamily; }
        public string OSFamily { get; set; }
        public string OSVersion { get; set; }
    }

    public partial class BatchDeploymentConfiguration
    {
        public BatchDeploymentConfiguration() { }
        public BatchCloudServiceConfiguration CloudServiceConfiguration { get; set; }
        public BatchVmConfiguration VmConfiguration { get; set; }
    }
}

namespace Azure.ResourceManager.Batch
{
    public partial class BatchAccountPoolData
    {
        private readonly List<BatchUserAccount> userAccounts = new List<BatchUserAccount>();
        public BatchAccountPoolData() { }
        public string DisplayName { get; set; }
        public string VmSize { get; set; }
        public BatchDeploymentConfiguration DeploymentConfiguration { get; set; }
        public BatchAccountPoolStartTask StartTask { get; set; }
        public IList<BatchUserAccount> UserAccounts { get { return userAccounts; } }
    }

    public partial class BatchAccountPoolResource
    {
        public BatchAccountPoolData Data { get; private set; }
    }

    public partial class BatchAccountPoolCollection
    {
        public virtual System.Threading.Tasks.Task<BatchAccountPoolResource> CreateOrUpdateAsync(
            Azure.WaitUntil waitUntil, string poolName, BatchAccountPoolData data, string ifNoneMatch = null)
        {
            return System.Threading.Tasks.Task.FromResult(new BatchAccountPoolResource());
        }
    }

    public partial class BatchAccountResource
    {
        public virtual BatchAccountPoolCollection GetBatchAccountPools() { return new BatchAccountPoolCollection(); }
    }
}

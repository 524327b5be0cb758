// Stub of Microsoft.Azure.Batch >= 6.0 (REST 2017-01-01.4.0+): the identity surface as in
// ../shared/reference/batch-identity-api.md §5.1, and the few task/pool/job members the examples
// use (the pool's configuration as in src/Generated: VirtualMachineConfiguration(imageReference,
// nodeAgentSkuId), CloudServiceConfiguration, PoolOperations.CreatePool). There is no RunElevated anywhere: a fix that leaves one behind does not compile.
// Every task type records the identity it is given, so a compiled test can assert the elevation.
using System.Collections.Generic;
using Microsoft.Azure.Batch.Common;

namespace Microsoft.Azure.Batch.Common
{
    public enum ElevationLevel { NonAdmin, Admin }
    public enum AutoUserScope { Task, Pool }
    public enum LoginMode { Batch, Interactive }
}

namespace Microsoft.Azure.Batch
{
    public sealed class AutoUserSpecification
    {
        public AutoUserSpecification(AutoUserScope? scope = default(AutoUserScope?), ElevationLevel? elevationLevel = default(ElevationLevel?))
        {
            Scope = scope;
            ElevationLevel = elevationLevel;
        }
        public AutoUserScope? Scope { get; private set; }
        public ElevationLevel? ElevationLevel { get; private set; }
    }

    public sealed class UserIdentity
    {
        public UserIdentity(string userName) { UserName = userName; }
        public UserIdentity(AutoUserSpecification autoUserSpecification) { AutoUser = autoUserSpecification; }
        public string UserName { get; private set; }
        public AutoUserSpecification AutoUser { get; private set; }
    }

    public sealed class LinuxUserConfiguration
    {
        public LinuxUserConfiguration(int? uid = default(int?), int? gid = default(int?), string sshPrivateKey = default(string))
        {
            Uid = uid;
            Gid = gid;
            SshPrivateKey = sshPrivateKey;
        }
        public int? Uid { get; set; }
        public int? Gid { get; set; }
        public string SshPrivateKey { get; set; }
    }

    public sealed class WindowsUserConfiguration
    {
        public WindowsUserConfiguration(LoginMode? loginMode = default(LoginMode?)) { LoginMode = loginMode; }
        public LoginMode? LoginMode { get; set; }
    }

    public sealed class UserAccount
    {
        public UserAccount(string name, string password, ElevationLevel? elevationLevel = default(ElevationLevel?),
            LinuxUserConfiguration linuxUserConfiguration = default(LinuxUserConfiguration),
            WindowsUserConfiguration windowsUserConfiguration = default(WindowsUserConfiguration))
        {
            Name = name;
            Password = password;
            ElevationLevel = elevationLevel;
            LinuxUserConfiguration = linuxUserConfiguration;
            WindowsUserConfiguration = windowsUserConfiguration;
        }
        public string Name { get; set; }
        public string Password { get; set; }
        public ElevationLevel? ElevationLevel { get; set; }
        public LinuxUserConfiguration LinuxUserConfiguration { get; set; }
        public WindowsUserConfiguration WindowsUserConfiguration { get; set; }
    }

    /** What the stub task types share: an identity, recorded when set. */
    public abstract class TaskStub
    {
        private UserIdentity userIdentity;
        public string CommandLine { get; set; }
        public UserIdentity UserIdentity
        {
            get { return userIdentity; }
            set
            {
                userIdentity = value;
                IdentityLog.Record(GetType().Name, value);
            }
        }
    }

    public sealed class CloudTask : TaskStub
    {
        public CloudTask(string id, string commandline) { Id = id; CommandLine = commandline; }
        public string Id { get; set; }
        public string DisplayName { get; set; }
    }

    public sealed class StartTask : TaskStub
    {
        public StartTask() { }
        public StartTask(string commandLine) { CommandLine = commandLine; }
        public bool? WaitForSuccess { get; set; }
    }

    public sealed class JobManagerTask : TaskStub
    {
        public JobManagerTask() { }
        public JobManagerTask(string id, string commandLine) { Id = id; CommandLine = commandLine; }
        public string Id { get; set; }
    }

    public sealed class JobPreparationTask : TaskStub
    {
        public JobPreparationTask() { }
        public JobPreparationTask(string commandLine) { CommandLine = commandLine; }
    }

    public sealed class JobReleaseTask : TaskStub
    {
        public JobReleaseTask() { }
        public JobReleaseTask(string commandLine) { CommandLine = commandLine; }
    }

    public sealed class PoolInformation
    {
        public string PoolId { get; set; }
    }

    public sealed class ImageReference
    {
        public string Publisher { get; set; }
        public string Offer { get; set; }
        public string Sku { get; set; }
        public string Version { get; set; }
    }

    public sealed class WindowsConfiguration
    {
        public bool? EnableAutomaticUpdates { get; set; }
    }

    public sealed class VirtualMachineConfiguration
    {
        public VirtualMachineConfiguration(ImageReference imageReference, string nodeAgentSkuId)
        {
            ImageReference = imageReference;
            NodeAgentSkuId = nodeAgentSkuId;
        }
        public ImageReference ImageReference { get; set; }
        public string NodeAgentSkuId { get; set; }
        public WindowsConfiguration WindowsConfiguration { get; set; }
    }

    public sealed class CloudServiceConfiguration
    {
        public CloudServiceConfiguration(string osFamily, string osVersion = default(string)) { OSFamily = osFamily; }
        public string OSFamily { get; set; }
    }

    public sealed class CloudPool
    {
        public string Id { get; set; }
        public string VirtualMachineSize { get; set; }
        public VirtualMachineConfiguration VirtualMachineConfiguration { get; set; }
        public CloudServiceConfiguration CloudServiceConfiguration { get; set; }
        public StartTask StartTask { get; set; }
        public IList<UserAccount> UserAccounts { get; set; }
        public void Commit() { }
    }

    public sealed class CloudJob
    {
        public string Id { get; set; }
        public PoolInformation PoolInformation { get; set; }
        public JobManagerTask JobManagerTask { get; set; }
        public JobPreparationTask JobPreparationTask { get; set; }
        public JobReleaseTask JobReleaseTask { get; set; }
        public void Commit() { }
        public void AddTask(CloudTask task) { }
    }

    public sealed class PoolOperations
    {
        public CloudPool CreatePool(string poolId, string virtualMachineSize, int? targetDedicatedComputeNodes = default(int?))
        {
            return new CloudPool { Id = poolId, VirtualMachineSize = virtualMachineSize };
        }
        public CloudPool CreatePool(string poolId, string virtualMachineSize, CloudServiceConfiguration cloudServiceConfiguration,
            int? targetDedicatedComputeNodes = default(int?))
        {
            return new CloudPool { Id = poolId, VirtualMachineSize = virtualMachineSize, CloudServiceConfiguration = cloudServiceConfiguration };
        }
        public CloudPool CreatePool(string poolId, string virtualMachineSize, VirtualMachineConfiguration virtualMachineConfiguration,
            int? targetDedicatedComputeNodes = default(int?))
        {
            return new CloudPool { Id = poolId, VirtualMachineSize = virtualMachineSize, VirtualMachineConfiguration = virtualMachineConfiguration };
        }
    }

    public sealed class JobOperations
    {
        public CloudJob CreateJob(string jobId, PoolInformation poolInformation)
        {
            return new CloudJob { Id = jobId, PoolInformation = poolInformation };
        }
        public void AddTask(string jobId, IEnumerable<CloudTask> tasks) { }
    }

    public sealed class BatchClient : System.IDisposable
    {
        public static BatchClient Open(Microsoft.Azure.Batch.Auth.BatchSharedKeyCredentials credentials) { return new BatchClient(); }
        public PoolOperations PoolOperations { get { return new PoolOperations(); } }
        public JobOperations JobOperations { get { return new JobOperations(); } }
        public void Dispose() { }
    }
}

namespace Microsoft.Azure.Batch.Auth
{
    public sealed class BatchSharedKeyCredentials
    {
        public BatchSharedKeyCredentials(string baseUrl, string accountName, string keyValue) { }
    }
}

/** The identities given to tasks, in order: `TaskType:elevation:scope` (or `TaskType:user:name`). */
public static class IdentityLog
{
    public static readonly List<string> Lines = new List<string>();

    public static void Record(string taskType, Microsoft.Azure.Batch.UserIdentity identity)
    {
        if (identity == null) Lines.Add(taskType + ":none");
        else if (identity.AutoUser == null) Lines.Add(taskType + ":user:" + identity.UserName);
        else Lines.Add(taskType + ":" + identity.AutoUser.ElevationLevel + ":" + identity.AutoUser.Scope);
    }

    public static void Record(string taskType, Azure.Compute.Batch.UserIdentity identity)
    {
        if (identity == null) Lines.Add(taskType + ":none");
        else if (identity.AutoUser == null) Lines.Add(taskType + ":user:" + identity.Username);
        else Lines.Add(taskType + ":" + identity.AutoUser.ElevationLevel + ":" + identity.AutoUser.Scope);
    }
}

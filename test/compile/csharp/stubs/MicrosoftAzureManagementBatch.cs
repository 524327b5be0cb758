// Stub of Microsoft.Azure.Management.Batch ≥ 6.0 (the legacy AutoRest management SDK; pools since
// REST api-version 2017-09-01), written from its documented API: src/Generated/Models of
// Azure/azure-sdk-for-net (/work/notes/management-sdks.md §2). Only what the tests touch. As in the
// SDK, every model has a parameterless constructor and one whose parameters follow its
// properties (required ones first), and settable properties; there is no RunElevated anywhere.
// The rows pass the pool's and the image reference's parameters by name: only those used exist here.
using System.Collections.Generic;

namespace Microsoft.Azure.Management.Batch.Models
{
    public enum ElevationLevel { NonAdmin, Admin }
    public enum AutoUserScope { Task, Pool }
    public enum LoginMode { Batch, Interactive }

    public partial class AutoUserSpecification
    {
        public AutoUserSpecification() { }
        public AutoUserSpecification(AutoUserScope? scope = default(AutoUserScope?), ElevationLevel? elevationLevel = default(ElevationLevel?))
        {
            Scope = scope;
            ElevationLevel = elevationLevel;
        }
        public AutoUserScope? Scope { get; set; }
        public ElevationLevel? ElevationLevel { get; set; }
    }

    public partial class UserIdentity
    {
        public UserIdentity() { }
        public UserIdentity(string userName = default(string), AutoUserSpecification autoUser = default(AutoUserSpecification))
        {
            UserName = userName;
            AutoUser = autoUser;
        }
        public string UserName { get; set; }
        public AutoUserSpecification AutoUser { get; set; }
    }

    public partial class LinuxUserConfiguration
    {
        public LinuxUserConfiguration() { }
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

    public partial class WindowsUserConfiguration
    {
        public WindowsUserConfiguration() { }
        public WindowsUserConfiguration(LoginMode? loginMode = default(LoginMode?)) { LoginMode = loginMode; }
        public LoginMode? LoginMode { get; set; }
    }

    public partial class UserAccount
    {
        public UserAccount() { }
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

    public partial class ResourceFile { }
    public partial class EnvironmentSetting { }
    public partial class TaskContainerSettings { }

    public partial class StartTask
    {
        public StartTask() { }
        public StartTask(string commandLine = default(string), IList<ResourceFile> resourceFiles = default(IList<ResourceFile>),
            IList<EnvironmentSetting> environmentSettings = default(IList<EnvironmentSetting>), UserIdentity userIdentity = default(UserIdentity),
            int? maxTaskRetryCount = default(int?), bool? waitForSuccess = default(bool?),
            TaskContainerSettings containerSettings = default(TaskContainerSettings))
        {
            CommandLine = commandLine;
            UserIdentity = userIdentity;
            MaxTaskRetryCount = maxTaskRetryCount;
            WaitForSuccess = waitForSuccess;
        }
        public string CommandLine { get; set; }
        public UserIdentity UserIdentity { get; set; }
        public int? MaxTaskRetryCount { get; set; }
        public bool? WaitForSuccess { get; set; }
    }

    public partial class ImageReference
    {
        public ImageReference() { }
        public ImageReference(string publisher = default(string), string offer = default(string), string sku = default(string),
            string version = default(string), string id = default(string))
        {
            Publisher = publisher;
            Offer = offer;
            Sku = sku;
            Version = version;
        }
        public string Publisher { get; set; }
        public string Offer { get; set; }
        public string Sku { get; set; }
        public string Version { get; set; }
    }

    public partial class WindowsConfiguration
    {
        public WindowsConfiguration() { }
        public WindowsConfiguration(bool? enableAutomaticUpdates = default(bool?)) { EnableAutomaticUpdates = enableAutomaticUpdates; }
        public bool? EnableAutomaticUpdates { get; set; }
    }

    public partial class VirtualMachineConfiguration
    {
        public VirtualMachineConfiguration() { }
        public VirtualMachineConfiguration(ImageReference imageReference, string nodeAgentSkuId,
            WindowsConfiguration windowsConfiguration = default(WindowsConfiguration))
        {
            ImageReference = imageReference;
            NodeAgentSkuId = nodeAgentSkuId;
            WindowsConfiguration = windowsConfiguration;
        }
        public ImageReference ImageReference { get; set; }
        public string NodeAgentSkuId { get; set; }
        public WindowsConfiguration WindowsConfiguration { get; set; }
    }

    public partial class CloudServiceConfiguration
    {
        public CloudServiceConfiguration() { }
        public CloudServiceConfiguration(string osFamily, string osVersion = default(string)) { OsFamily = osFamily; }
        public string OsFamily { get; set; }
    }

    public partial class DeploymentConfiguration
    {
        public DeploymentConfiguration() { }
        public DeploymentConfiguration(CloudServiceConfiguration cloudServiceConfiguration = default(CloudServiceConfiguration),
            VirtualMachineConfiguration virtualMachineConfiguration = default(VirtualMachineConfiguration))
        {
            CloudServiceConfiguration = cloudServiceConfiguration;
            VirtualMachineConfiguration = virtualMachineConfiguration;
        }
        public CloudServiceConfiguration CloudServiceConfiguration { get; set; }
        public VirtualMachineConfiguration VirtualMachineConfiguration { get; set; }
    }

    public partial class Pool
    {
        public Pool() { }
        public Pool(string id = default(string), string vmSize = default(string),
            DeploymentConfiguration deploymentConfiguration = default(DeploymentConfiguration),
            IList<UserAccount> userAccounts = default(IList<UserAccount>), StartTask startTask = default(StartTask))
        {
            VmSize = vmSize;
            DeploymentConfiguration = deploymentConfiguration;
            UserAccounts = userAccounts;
            StartTask = startTask;
        }
        public string VmSize { get; set; }
        public DeploymentConfiguration DeploymentConfiguration { get; set; }
        public IList<UserAccount> UserAccounts { get; set; }
        public StartTask StartTask { get; set; }
    }
}

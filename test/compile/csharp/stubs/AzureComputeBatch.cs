// Stub of Azure.Compute.Batch (1.0.0-beta, TypeSpec; §5.2 of the reference): parameterless
// identity models with setters, extensible-enum structs, no RunElevated; the pool with its
// VirtualMachineConfiguration(imageReference, nodeAgentSkuId) and get-only UserAccounts (src/Generated).
namespace Azure.Compute.Batch
{
    public readonly partial struct ElevationLevel
    {
        private readonly string value;
        public ElevationLevel(string value) { this.value = value; }
        public static ElevationLevel NonAdmin { get { return new ElevationLevel("nonadmin"); } }
        public static ElevationLevel Admin { get { return new ElevationLevel("admin"); } }
        public override string ToString() { return value; }
    }

    public readonly partial struct AutoUserScope
    {
        private readonly string value;
        public AutoUserScope(string value) { this.value = value; }
        public static AutoUserScope Task { get { return new AutoUserScope("task"); } }
        public static AutoUserScope Pool { get { return new AutoUserScope("pool"); } }
        public override string ToString() { return value; }
    }

    public readonly partial struct LoginMode
    {
        private readonly string value;
        public LoginMode(string value) { this.value = value; }
        public static LoginMode Batch { get { return new LoginMode("batch"); } }
        public static LoginMode Interactive { get { return new LoginMode("interactive"); } }
        public override string ToString() { return value; }
    }

    public class AutoUserSpecification
    {
        public AutoUserScope? Scope { get; set; }
        public ElevationLevel? ElevationLevel { get; set; }
    }

    public class UserIdentity
    {
        public string Username { get; set; }
        public AutoUserSpecification AutoUser { get; set; }
    }

    public class LinuxUserConfiguration
    {
        public int? Uid { get; set; }
        public int? Gid { get; set; }
        public string SshPrivateKey { get; set; }
    }

    public class WindowsUserConfiguration
    {
        public LoginMode? LoginMode { get; set; }
    }

    public class UserAccount
    {
        public UserAccount(string name, string password) { Name = name; Password = password; }
        public string Name { get; }
        public string Password { get; }
        public ElevationLevel? ElevationLevel { get; set; }
        public LinuxUserConfiguration LinuxUserConfiguration { get; set; }
        public WindowsUserConfiguration WindowsUserConfiguration { get; set; }
    }

    public class ImageReference
    {
        public string Publisher { get; set; }
        public string Offer { get; set; }
        public string Sku { get; set; }
    }

    public class WindowsConfiguration
    {
        public bool? EnableAutomaticUpdates { get; set; }
    }

    public class VirtualMachineConfiguration
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

    public class BatchPoolCreateContent
    {
        private readonly System.Collections.Generic.List<UserAccount> userAccounts = new System.Collections.Generic.List<UserAccount>();
        public BatchPoolCreateContent(string id, string vmSize) { Id = id; VmSize = vmSize; }
        public string Id { get; }
        public string VmSize { get; }
        public VirtualMachineConfiguration VirtualMachineConfiguration { get; set; }
        public System.Collections.Generic.IList<UserAccount> UserAccounts { get { return userAccounts; } }
    }

    public class BatchTaskCreateContent
    {
        private UserIdentity userIdentity;
        public BatchTaskCreateContent(string id, string commandLine) { Id = id; CommandLine = commandLine; }
        public string Id { get; }
        public string CommandLine { get; }
        public UserIdentity UserIdentity
        {
            get { return userIdentity; }
            set
            {
                userIdentity = value;
                IdentityLog.Record("BatchTaskCreateContent", value);
            }
        }
    }
}

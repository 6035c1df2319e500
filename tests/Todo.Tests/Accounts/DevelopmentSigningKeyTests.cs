using System.Runtime.Versioning;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Todo.Server.Accounts;

namespace Todo.Tests.Accounts;

/// <summary>The signing key Development generates into data/signing-key is the owner's alone to read.</summary>
[UnsupportedOSPlatform("windows")] // file modes are Unix's; the tests run on Linux
public sealed class DevelopmentSigningKeyTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly DirectoryInfo contentRoot = Directory.CreateTempSubdirectory("todo-key-");

    private string KeyPath => Path.Combine(contentRoot.FullName, "data", "signing-key");

    [Fact]
    public void ANewKeyFileIsReadableByItsOwnerOnly()
    {
        var options = Configure();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(KeyPath));
        Assert.Equal(64, Convert.FromBase64String(options.SigningKey!).Length);
        Assert.Equal(options.SigningKey, File.ReadAllText(KeyPath));
    }

    [Fact]
    public void AnExistingKeyFileReadableByOthersIsTightenedAndKept()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, "an-existing-key-that-is-long-enough-for-hs256\n");
        File.SetUnixFileMode(KeyPath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var options = Configure();

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(KeyPath));
        Assert.Equal("an-existing-key-that-is-long-enough-for-hs256", options.SigningKey);
    }

    [Fact]
    public void AConfiguredKeyWritesNoFile()
    {
        var options = Configure(new AuthOptions { SigningKey = "a-configured-key-that-is-long-enough-for-hs256" });

        Assert.Equal("a-configured-key-that-is-long-enough-for-hs256", options.SigningKey);
        Assert.False(File.Exists(KeyPath));
    }

    public void Dispose() => contentRoot.Delete(recursive: true);

    private AuthOptions Configure(AuthOptions? options = null)
    {
        options ??= new AuthOptions();
        var environment = new Environment(contentRoot.FullName);
        new DevelopmentSigningKey(environment).PostConfigure(null, options);
        return options;
    }

    private sealed class Environment(string contentRootPath) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Todo.Server";
        public string ContentRootPath { get; set; } = contentRootPath;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

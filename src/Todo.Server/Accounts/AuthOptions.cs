using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Todo.Server.Accounts;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinimumKeyBytes = 32;

    /// <summary>HS256 key, at least 32 bytes of UTF-8. Secret: set it through the environment (Auth__SigningKey).</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "todo";

    public string Audience { get; set; } = "todo";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a user's active flag is trusted before it is read again; bounds how late a deactivation bites.</summary>
    public TimeSpan ActiveUserRecheck { get; set; } = TimeSpan.FromSeconds(30);

    public SymmetricSecurityKey CreateSigningKey() => new(Encoding.UTF8.GetBytes(SigningKey!));
}

/// <summary>
/// In Development with no key, generates one once and keeps it under data/, so a restart signs nobody out. The file
/// is readable by its owner only (mode 0600 on Unix), also when it was written before with a wider mode.
/// </summary>
internal sealed class DevelopmentSigningKey(IHostEnvironment environment) : IPostConfigureOptions<AuthOptions>
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public void PostConfigure(string? name, AuthOptions options)
    {
        if (!string.IsNullOrEmpty(options.SigningKey) || !environment.IsDevelopment())
        {
            return;
        }

        var path = Path.Combine(environment.ContentRootPath, "data", "signing-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            TryCreate(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        }
        else if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        options.SigningKey = File.ReadAllText(path).Trim();
    }

    /// <summary>Writes a new key file, created with the owner-only mode; a file another process created first wins.</summary>
    private static void TryCreate(string path, string key)
    {
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var writer = new StreamWriter(path, file);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server starting at the same time wrote it; its key is the one.
        }
    }
}

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.SigningKey))
        {
            failures.Add($"{AuthOptions.Section}:SigningKey is not set; give it at least {AuthOptions.MinimumKeyBytes} bytes (environment variable Auth__SigningKey).");
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < AuthOptions.MinimumKeyBytes)
        {
            failures.Add($"{AuthOptions.Section}:SigningKey is shorter than {AuthOptions.MinimumKeyBytes} bytes.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{AuthOptions.Section}:TokenLifetime must be positive.");
        }

        if (options.ActiveUserRecheck < TimeSpan.Zero || options.ActiveUserRecheck > TimeSpan.FromSeconds(60))
        {
            failures.Add($"{AuthOptions.Section}:ActiveUserRecheck must be between 0 and 60 seconds.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

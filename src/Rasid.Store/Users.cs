using System.Security.Cryptography;
using System.Text;

namespace Rasid.Store;

/// <summary>What a user may do: viewers read, analysts also submit documents and review events, admins everything.</summary>
public enum UserRole
{
    Viewer = 1,
    Analyst = 2,
    Admin = 3,
}

public static class UserRoles
{
    public static string ToWireName(this UserRole role) => role switch
    {
        UserRole.Viewer => "viewer",
        UserRole.Analyst => "analyst",
        UserRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out UserRole role)
    {
        foreach (var r in Enum.GetValues<UserRole>())
        {
            if (string.Equals(r.ToWireName(), text, StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }
}

/// <summary>A stored user. Only hashes of secrets are kept.</summary>
public sealed record UserRecord(string Name, UserRole Role, string? PasswordHash, string? ApiKeyHash, DateTimeOffset CreatedAt)
{
    public int FailedLogins { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }
}

/// <summary>
/// Hashing of user secrets. Passwords: PBKDF2-HMAC-SHA256, 210 000 iterations (OWASP 2023), 16-byte random salt per
/// user, stored as <c>pbkdf2-sha256$iterations$salt$hash</c> (base64) so the cost can be raised later. API keys: 32
/// random bytes shown once, stored as their SHA-256 (hex); a key is looked up by that hash.
/// </summary>
public static class UserSecrets
{
    private const int Iterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    public static string HashPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool VerifyPassword(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A new random API key (prefixed so it is recognisable in logs and secret scanners).</summary>
    public static string NewApiKey() => "rsd_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string HashApiKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}

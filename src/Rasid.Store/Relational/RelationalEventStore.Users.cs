using System.Data.Common;
using System.Globalization;
using Rasid.Core;

namespace Rasid.Store.Relational;

/// <summary>Users of the HTTP API (hashed secrets only; see <see cref="UserSecrets"/>).</summary>
public abstract partial class RelationalEventStore
{
    private const string UserColumns = "name, role, password_hash, api_key_hash, created_at, failed_logins, locked_until";

    public void AddUser(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        InWriteTransaction(tx =>
        {
            if (Db.Scalar(tx.Connection!, tx, "SELECT 1 FROM users WHERE name = @n", ("@n", user.Name)) is not null)
            {
                throw new RasidException("E340", user.Name, "a user with this name already exists");
            }

            Db.Exec(tx.Connection!, tx, $"INSERT INTO users({UserColumns}) VALUES (@n, @r, @p, @k, @c, 0, NULL)",
                ("@n", user.Name), ("@r", user.Role.ToWireName()), ("@p", user.PasswordHash), ("@k", user.ApiKeyHash),
                ("@c", user.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));
            return 0;
        });
    }

    public UserRecord? FindUser(string name) => ReadUsers("WHERE name = @v", name).FirstOrDefault();

    public UserRecord? FindUserByApiKeyHash(string apiKeyHash) => ReadUsers("WHERE api_key_hash = @v", apiKeyHash).FirstOrDefault();

    public IReadOnlyList<UserRecord> ListUsers() => ReadUsers("ORDER BY name", null);

    public bool RemoveUser(string name) =>
        InWriteTransaction(tx => Db.Exec(tx.Connection!, tx, "DELETE FROM users WHERE name = @n", ("@n", name)) > 0);

    public void SetLoginState(string name, int failedLogins, DateTimeOffset? lockedUntil) =>
        InWriteTransaction(tx => Db.Exec(tx.Connection!, tx, "UPDATE users SET failed_logins = @f, locked_until = @l WHERE name = @n",
            ("@f", failedLogins), ("@l", lockedUntil?.ToString("O", CultureInfo.InvariantCulture)), ("@n", name)));

    private List<UserRecord> ReadUsers(string tail, string? value)
    {
        using var c = OpenConnection();
        using var cmd = Db.Command(c, null, $"SELECT {UserColumns} FROM users {tail}");
        if (value is not null)
        {
            cmd.Add("@v", value);
        }

        var list = new List<UserRecord>();
        using DbDataReader r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!UserRoles.TryParse(r.GetString(1), out var role))
            {
                throw new RasidException("E303", r.GetString(0), $"stored role '{r.GetString(1)}' is unknown");
            }

            list.Add(new UserRecord(r.GetString(0), role, r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture))
            {
                FailedLogins = r.GetInt32(5),
                LockedUntil = r.IsDBNull(6) ? null : DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture),
            });
        }

        return list;
    }
}
